{{%AUTOESCAPE context="HTML"}}
<h1>Мониторинг сайтов школ</h1>
<p class="lead">Раунд проверяет раздел «Повышение качества» на сайте каждой школы: доступность, изменения с прошлого раунда, обновление за последний месяц, ссылки на обязательные документы и битые ссылки. Адрес раздела задаётся на странице мониторинга школы.</p>
{{#CAN_START}}<form class="stack" method="post" action="/{{MUNI}}/monitoring/">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field"><label for="kind">Вид раунда</label>
<select id="kind" name="kind">
{{#KIND_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/KIND_OPTION}}</select></div>
<button type="submit">Начать раунд</button>
</form>{{/CAN_START}}
{{#NONE}}<p>Раундов мониторинга ещё не было.</p>{{/NONE}}
<section class="scroll" tabindex="0" aria-labelledby="t-rounds">
<table>
<caption id="t-rounds">Раунды мониторинга</caption>
<thead><tr><th scope="col">Раунд</th><th scope="col">Начат</th><th scope="col">Кем</th><th scope="col">Состояние</th><th scope="col">Окончен</th><th scope="col">Сайты доступны</th></tr></thead>
<tbody>
{{#ROUND}}<tr><th scope="row"><a href="/{{MUNI}}/monitoring/{{ID}}/">{{KIND}} № {{ID}}</a></th><td>{{STARTED}}</td><td>{{BY}}</td><td>{{#RUNNING}}Идёт проверка{{/RUNNING}}{{#DONE}}Завершён{{/DONE}}{{#FAILED}}Не завершён{{/FAILED}}</td><td>{{FINISHED}}</td><td class="num">{{REACHABLE}} из {{SCHOOLS}}</td></tr>
{{/ROUND}}
</tbody>
</table>
</section>
