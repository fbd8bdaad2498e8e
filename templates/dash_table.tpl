{{%AUTOESCAPE context="HTML"}}
<section class="dash-view" id="{{VIEW}}" aria-labelledby="h-{{VIEW}}">
<h2 id="h-{{VIEW}}">{{HEADING}}</h2>
{{#CHART}}<figure class="chart">
<svg role="img" aria-labelledby="c-{{VIEW}}" viewBox="0 0 {{W}} {{H}}" width="{{W}}" height="{{H}}">
<title id="c-{{VIEW}}">{{CAPTION}}: {{COLUMN}}</title>
{{#BAR}}<text x="0" y="{{TY}}">{{LABEL}}: {{VALUE}}</text><rect x="0" y="{{Y}}" width="{{W}}" height="{{H}}"></rect>
{{/BAR}}</svg>
<figcaption>Диаграмма: {{COLUMN}}; значения — в таблице ниже.</figcaption>
</figure>{{/CHART}}
{{#EMPTY}}<p>Для выбранных фильтров данных нет.</p>{{/EMPTY}}
{{#CUT}}<p>Показаны первые {{SHOWN}} из {{TOTAL}}, самые давние.</p>{{/CUT}}
<section class="scroll" tabindex="0" aria-labelledby="t-{{VIEW}}">
<table class="dash">
<caption id="t-{{VIEW}}">{{CAPTION}}</caption>
<thead><tr>{{#HEAD}}<th scope="col">{{TEXT}}</th>{{/HEAD}}</tr></thead>
<tbody>
{{#ROW}}<tr>{{#CELL}}{{#TH}}<th scope="row">{{/TH}}{{#TD}}<td>{{/TD}}{{#LINK}}<a href="{{HREF}}"{{#CLS}} class="{{CLASS}}"{{/CLS}}>{{TEXT}}</a>{{/LINK}}{{#PLAIN}}{{#CLS}}<span class="{{CLASS}}">{{/CLS}}{{TEXT}}{{#CLS}}</span>{{/CLS}}{{/PLAIN}}{{#SPARK}}<svg class="spark" role="img" aria-label="{{TEXT}}" viewBox="0 0 {{W}} {{H}}" width="{{W}}" height="{{H}}"><polyline points="{{POINTS}}"></polyline>{{#PT}}<circle cx="{{X}}" cy="{{Y}}" r="2.5"></circle>{{/PT}}</svg><span class="spark-text">{{TEXT}}</span>{{/SPARK}}{{#TH}}</th>{{/TH}}{{#TD}}</td>{{/TD}}{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
</section>
<p class="exports">Скачать таблицу: <a href="{{BASE}}{{VIEW}}.csv{{#QUERY}}?{{Q}}{{/QUERY}}">CSV</a> · <a href="{{BASE}}{{VIEW}}.xlsx{{#QUERY}}?{{Q}}{{/QUERY}}">XLSX</a></p>
</section>
