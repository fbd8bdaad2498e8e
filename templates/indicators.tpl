{{%AUTOESCAPE context="HTML"}}
<h1>Показатели программы</h1>
<p class="lead">Целевые значения показателей и их фактические значения по годам. Где факт не достигает цели, рядом указан разрыв.</p>
{{#SUMMARY}}<p class="summary-line">{{YEAR}} год: достигнуто <strong>{{MET}}</strong> из {{TOTAL}} показателей с целевым значением.</p>{{/SUMMARY}}
{{#EDITOR}}<p><a class="button" href="/{{MUNI}}/indicators/facts">Внести фактические значения</a></p>{{/EDITOR}}
{{#NONE}}<p>Показатели программы ещё не заданы.</p>{{/NONE}}
{{#SOME}}
<p class="exports">Скачать таблицу: <a href="/{{MUNI}}/indicators/export.csv">CSV</a> · <a href="/{{MUNI}}/indicators/export.xlsx">XLSX</a></p>
<section class="scroll" tabindex="0" aria-labelledby="t-ind">
<table class="plan-fact">
<caption id="t-ind">План и факт по годам</caption>
<thead><tr><th scope="col">№</th><th scope="col">Показатель</th>{{#YEAR}}<th scope="col">{{YEAR}}</th>{{/YEAR}}</tr></thead>
<tbody>
{{#INDICATOR}}
{{#GROUP}}<tr class="group"><th scope="rowgroup" colspan="{{COLS}}">{{GROUP}}</th></tr>{{/GROUP}}
<tr id="i-{{CODE}}"><td>{{CODE}}</td><th scope="row" class="text">{{NAME}}{{#LOWER}} <span class="muted">(чем меньше, тем лучше)</span>{{/LOWER}}{{#COMPUTED}} <span class="muted">(рассчитывается порталом)</span>{{/COMPUTED}}</th>
{{#CELL}}<td class="pf">{{#EMPTY}}—{{/EMPTY}}{{#VALUE}}<span class="pf-line">план: {{PLAN}}</span> <span class="pf-line">факт: {{FACT}}{{#CALC}}*{{/CALC}}</span> <span class="pf-status pf-{{CLASS}}">{{STATUS}}{{#GAP}} ({{GAP}}){{/GAP}}</span>{{/VALUE}}</td>{{/CELL}}</tr>
{{/INDICATOR}}
</tbody>
</table>
</section>
<p class="muted">* Значение рассчитано порталом по загруженным данным (например, по индексу социального благополучия школ).</p>
<section aria-labelledby="charts">
<h2 id="charts">Графики: план и факт</h2>
<p class="muted">Светлые столбцы — план, тёмные — факт; под каждым графиком — его данные.</p>
<div class="charts">
{{#INDICATOR}}{{#CHART}}
<figure class="chart">
<figcaption>Показатель {{CODE}}</figcaption>
<svg viewBox="0 0 {{W}} {{H}}" width="{{W}}" height="{{H}}" role="img" aria-labelledby="chart-{{CODE}}-t">
<title id="chart-{{CODE}}-t">Показатель {{CODE}}, план и факт по годам:{{#BAR}} {{YEAR}} — план {{PLAN}}, факт {{FACT}};{{/BAR}}</title>
{{#BAR}}<rect class="bar-plan" x="{{X_PLAN}}" y="{{Y_PLAN}}" width="{{BAR_W}}" height="{{H_PLAN}}"></rect><rect class="bar-fact" x="{{X_FACT}}" y="{{Y_FACT}}" width="{{BAR_W}}" height="{{H_FACT}}"></rect><text x="{{X_LABEL}}" y="{{Y_LABEL}}" text-anchor="middle">{{YEAR}}</text>
{{/BAR}}</svg>
<table class="chart-data">
<caption>Данные графика показателя {{CODE}}</caption>
<thead><tr><th scope="col">Год</th><th scope="col">План</th><th scope="col">Факт</th></tr></thead>
<tbody>{{#BAR}}<tr><th scope="row">{{YEAR}}</th><td>{{PLAN}}</td><td>{{FACT}}</td></tr>{{/BAR}}</tbody>
</table>
</figure>
{{/CHART}}{{/INDICATOR}}
</div>
</section>
{{/SOME}}
