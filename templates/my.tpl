{{%AUTOESCAPE context="HTML"}}
<h1>Мои мероприятия</h1>
{{#NO_MUNI}}<p>Учётная запись не привязана к муниципалитету: откройте дорожную карту нужного муниципалитета.</p>{{/NO_MUNI}}
<p>Не подтверждено и срок уже наступил: {{N_OVERDUE}}; срок в этом месяце: {{N_MONTH}}. <a href="/{{MUNI}}/roadmap/">Вся дорожная карта</a></p>
<h2>Назначено мне: {{N_MINE}}</h2>
<ul class="mine">
{{#MINE}}<li>{{DUE}}: <a href="/{{MUNI}}/roadmap/items/{{ITEM}}/">№ {{NUMBER}}. {{MEASURE}}</a> — {{STATUS_LABEL}}</li>
{{/MINE}}
</ul>
<p class="exports">Скачать сроки: <a href="/my/export.csv">CSV</a> · <a href="/my/export.xlsx">XLSX</a></p>
{{#TRUNCATED}}<p class="muted">Показаны первые 300 сроков.</p>{{/TRUNCATED}}
<section class="scroll" tabindex="0" aria-labelledby="t-my">
<table>
<caption id="t-my">Сроки, которые требуют внимания</caption>
<thead><tr><th scope="col">Срок</th><th scope="col">№</th><th scope="col">Мероприятие</th><th scope="col">Ответственный</th><th scope="col">Состояние</th></tr></thead>
<tbody>
{{#THIS_MONTH}}<tr><td>{{DUE}}</td><td>{{NUMBER}}</td><th scope="row"><a href="/{{MUNI}}/roadmap/items/{{ITEM}}/">{{MEASURE}}</a></th><td>{{RESPONSIBLE}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/THIS_MONTH}}
{{#OVERDUE}}<tr><td>{{DUE}}</td><td>{{NUMBER}}</td><th scope="row"><a href="/{{MUNI}}/roadmap/items/{{ITEM}}/">{{MEASURE}}</a></th><td>{{RESPONSIBLE}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/OVERDUE}}
</tbody>
</table>
</section>
