{{%AUTOESCAPE context="HTML"}}
<h1>Выявление школ: список {{YEAR}} года</h1>
<p class="lead">Правило муниципалитета: {{RULE}}. Предложения рассчитаны по результатам {{PREV}} года и раньше; решение координатора делает список программы на {{YEAR}} год.</p>
<form class="inline" method="get" action="/{{MUNI}}/identification/">
<label for="year">Год списка</label>
<select id="year" name="year">
{{#YEAR_OPTION}}<option value="{{Y}}"{{#SELECTED}} selected{{/SELECTED}}>{{Y}}</option>
{{/YEAR_OPTION}}</select>
<button type="submit">Показать</button>
</form>
<p><a href="/{{MUNI}}/identification/settings">Настройки выявления (пороги и правило)</a></p>
<p class="exports">Скачать таблицу: <a href="/{{MUNI}}/identification/export.csv?year={{YEAR}}">CSV</a> · <a href="/{{MUNI}}/identification/export.xlsx?year={{YEAR}}">XLSX</a></p>
{{#NONE}}<p>В муниципалитете нет школ.</p>{{/NONE}}
<section class="scroll" tabindex="0" aria-labelledby="t-ident">
<table>
<caption id="t-ident">Школы ({{N}}): предложения и решения</caption>
<thead><tr>{{#HEAD}}<th scope="col">{{TEXT}}</th>{{/HEAD}}</tr></thead>
<tbody>
{{#ROW}}<tr>{{#NAME}}<th scope="row"><a href="#s-{{SLUG}}">{{TEXT}}</a></th>{{/NAME}}{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
</section>
<section class="scroll" tabindex="0" aria-labelledby="t-matrix">
<table class="matrix">
<caption id="t-matrix">Социальный статус × уровень образовательных результатов</caption>
<thead><tr><th scope="col">Социальный статус</th>{{#LEVEL_HEAD}}<th scope="col">Уровень: {{LABEL}}</th>{{/LEVEL_HEAD}}</tr></thead>
<tbody>
{{#MROW}}<tr><th scope="row">{{STATUS}}</th>{{#MCELL}}<td class="mx-{{CLASS}}"><p class="mx-cat">{{CATEGORY}}</p>{{#MSCHOOL}}<a href="#s-{{SLUG}}">{{NAME}}</a>{{#MSCHOOL_separator}}, {{/MSCHOOL_separator}}{{/MSCHOOL}}{{#MEMPTY}}<span class="muted">нет школ</span>{{/MEMPTY}}</td>{{/MCELL}}</tr>
{{/MROW}}</tbody>
</table>
</section>
{{#UNPLACED}}<p>Не размещены в матрице (нет социального статуса или уровня): {{#U}}{{NAME}}{{#U_separator}}, {{/U_separator}}{{/U}}</p>{{/UNPLACED}}
{{#SCHOOL}}<section id="s-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}">{{NAME}}</h2>
<p><a href="/{{MUNI}}/identification/schools/{{SLUG}}/?year={{YEAR}}">История решений школы</a></p>
{{>KINDS}}
</section>
{{/SCHOOL}}
