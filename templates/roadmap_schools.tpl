{{%AUTOESCAPE context="HTML"}}
<h1>Дорожные карты школ</h1>
<p class="lead">Доля исполненных и подтвержденных мероприятий по всем школам: <span class="big">{{METRIC}}&nbsp;%</span> — подтверждено {{CONFIRMED}} из {{DUE}}, срок которых наступил; исполнено и ждёт подтверждения: {{DONE}}; просрочено: {{OVERDUE}}.</p>
<p class="exports">Скачать таблицу: <a href="/{{MUNI}}/roadmap/schools/export.csv">CSV</a> · <a href="/{{MUNI}}/roadmap/schools/export.xlsx">XLSX</a></p>
{{#NONE}}<p>Школы муниципалитета ещё не загрузили свои дорожные карты.</p>{{/NONE}}
<section class="scroll" tabindex="0" aria-labelledby="t-schools">
<table>
<caption id="t-schools">Школы ({{N}}) и их дорожные карты</caption>
<thead><tr><th scope="col">Школа</th><th scope="col">Дорожная карта</th><th scope="col">Мероприятий</th><th scope="col">Срок наступил</th><th scope="col">Подтверждено</th><th scope="col">Ждёт подтверждения</th><th scope="col">Просрочено</th><th scope="col">Доля, %</th></tr></thead>
<tbody>
<tr class="summary"><th scope="row">Все школы</th><td></td><td></td><td class="num">{{DUE}}</td><td class="num">{{CONFIRMED}}</td><td class="num">{{DONE}}</td><td class="num">{{OVERDUE}}</td><td class="num">{{METRIC}}</td></tr>
{{#SCHOOL}}<tr><th scope="row"><a href="/{{MUNI}}/schools/{{SLUG}}/">{{NAME}}</a></th><td><a href="/{{MUNI}}/schools/{{SLUG}}/roadmap/">{{TITLE}}</a></td><td class="num">{{ITEMS}}</td><td class="num">{{DUE}}</td><td class="num">{{CONFIRMED}}</td><td class="num">{{DONE}}</td><td class="num">{{OVERDUE}}</td><td class="num">{{METRIC}}</td></tr>
{{/SCHOOL}}
</tbody>
</table>
</section>
