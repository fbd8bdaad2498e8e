{{%AUTOESCAPE context="HTML"}}
<h1>{{TITLE}}</h1>
<p class="lead">Начат {{STARTED}} ({{BY}}). {{#RUNNING}}Идёт проверка сайтов: <a href="/{{MUNI}}/monitoring/{{ID}}/">обновите страницу</a> через минуту.{{/RUNNING}}{{#DONE}}Завершён {{FINISHED}}: сайты доступны у {{REACHABLE}} из {{SCHOOLS}} школ.{{/DONE}}{{#FAILED}}Раунд не завершён: начните новый.{{/FAILED}}</p>
{{#CAN_COMPARE}}<form class="inline" method="get" action="/{{MUNI}}/monitoring/{{ID}}/">
<div class="field"><label for="compare">Сравнить с раундом</label>
<select id="compare" name="compare">
{{#OTHER}}<option value="{{OID}}"{{#SELECTED}} selected{{/SELECTED}}>{{OLABEL}}</option>
{{/OTHER}}</select></div>
<button type="submit">Сравнить</button>
</form>{{/CAN_COMPARE}}
{{#COMPARED}}<p>Последние столбцы — из раунда «{{CMP_TITLE}}». <a href="/{{MUNI}}/monitoring/{{ID}}/">Без сравнения</a></p>{{/COMPARED}}
<p class="exports">Скачать таблицу: <a href="/{{MUNI}}/monitoring/{{ID}}/export.csv{{CMP_QUERY}}">CSV</a> · <a href="/{{MUNI}}/monitoring/{{ID}}/export.xlsx{{CMP_QUERY}}">XLSX</a></p>
{{#EMPTY}}<p>Результатов пока нет.</p>{{/EMPTY}}
<section class="scroll" tabindex="0" aria-labelledby="t-findings">
<table>
<caption id="t-findings">Результаты проверки сайтов школ</caption>
<thead><tr>{{#HEAD}}<th scope="col">{{TEXT}}</th>{{/HEAD}}</tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{FIRST}}</th>{{#CELL}}<td class="anywhere">{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}
</tbody>
</table>
</section>
