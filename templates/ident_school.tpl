{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}: выявление, список {{YEAR}} года</h1>
<p><a href="/{{MUNI}}/identification/?year={{YEAR}}#s-{{SLUG}}">Все школы муниципалитета</a></p>
<section aria-labelledby="h-now">
<h2 id="h-now">Предложения и решения на {{YEAR}} год</h2>
{{>KINDS}}
</section>
<section aria-labelledby="h-history">
<h2 id="h-history">История решений</h2>
{{#NO_HISTORY}}<p>Решений по школе ещё не было.</p>{{/NO_HISTORY}}
<ol class="history">
{{#HISTORY}}<li><p><strong>{{Y}}, {{KIND_LABEL}}:</strong> предложение — {{PROPOSED}}, решение — {{DECIDED}}; {{WHO}}, {{WHEN}}. Комментарий: {{COMMENT}}</p>
<ul class="reasons">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul></li>
{{/HISTORY}}</ol>
</section>
