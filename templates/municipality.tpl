{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}</h1>
<p class="muted">{{REGION}}, {{KIND}}</p>
{{#FEED}}<p class="feed"><a href="{{URL}}" type="application/atom+xml">Лента новостей (Atom)</a> · <a href="/opendata/">Открытые данные</a></p>{{/FEED}}
<section aria-labelledby="programme">
<h2 id="programme">Программа</h2>
<p class="lead">{{PROGRAMME}}</p>
<dl class="facts">
<div><dt>Ответственный исполнитель</dt><dd>{{AUTHORITY}}</dd></div>
<div><dt>Срок реализации</dt><dd>{{PERIOD}}</dd></div>
<div><dt>Школ</dt><dd>{{N_SCHOOLS}}</dd></div>
<div><dt>В списках поддержки</dt><dd>{{N_SUPPORTED}}</dd></div>
</dl>
{{#GOAL}}<p class="goal"><strong>Цель:</strong> {{TEXT}}</p>{{/GOAL}}
{{#APPROVED}}<p class="approved">Утверждена: {{TEXT}}</p>{{/APPROVED}}
{{#EDITOR}}<p class="insider"><a href="/{{SLUG}}/content/">Тексты и новости раздела</a> · <a href="/{{SLUG}}/freshness/">Обновление разделов школ</a></p>{{/EDITOR}}
</section>
{{>CONTENT}}
<section aria-labelledby="metric">
<h2 id="metric">Дорожная карта</h2>
{{#ROADMAP}}
<p>{{TITLE}} ({{PERIOD}})</p>
<div class="metric">
<p class="metric-value"><span class="big">{{METRIC}}&nbsp;%</span> — доля исполненных и подтвержденных мероприятий дорожной карты на {{METRIC_DATE}}</p>
<p>Подтверждено {{METRIC_CONFIRMED}} из {{METRIC_DUE}} мероприятий, срок которых наступил; исполнено и ждёт подтверждения: {{METRIC_DONE}}; просрочено: {{METRIC_OVERDUE}}; всего по плану: {{METRIC_TOTAL}}.</p>
</div>
<p><a href="/{{SLUG}}/roadmap/">Таблица мероприятий дорожной карты</a> · <a href="/{{SLUG}}/roadmap/schools/">Дорожные карты школ</a></p>
{{/ROADMAP}}
{{#NO_ROADMAP}}<p>Дорожная карта муниципалитета ещё не размещена.</p>{{/NO_ROADMAP}}
</section>
<section aria-labelledby="schools">
<h2 id="schools">Школы</h2>
{{#NO_SCHOOLS}}<p>Школы в программе ещё не указаны.</p>{{/NO_SCHOOLS}}
<ul class="schools">
{{#SCHOOL}}
<li><a href="/{{MUNI_SLUG}}/schools/{{SLUG}}/">{{NAME}}</a>
{{#BADGE}}<span class="badge badge-{{CODE}}">{{LABEL}} {{YEAR}}{{#CATEGORY}}: {{LABEL}}{{/CATEGORY}}</span> {{/BADGE}}
{{#NO_LIST}}<span class="muted">не в списках поддержки</span>{{/NO_LIST}}
</li>
{{/SCHOOL}}
</ul>
</section>
{{#INDICATORS}}
<section aria-labelledby="indicators">
<h2 id="indicators">Показатели программы</h2>
<p><a href="/{{MUNI_SLUG}}/indicators/">План и факт по годам, графики</a></p>
<section class="scroll" tabindex="0" aria-labelledby="t-ind">
<table>
<caption id="t-ind">Целевые значения показателей по годам</caption>
<thead><tr><th scope="col">№</th><th scope="col">Показатель</th>{{#YEAR}}<th scope="col">{{YEAR}}</th>{{/YEAR}}</tr></thead>
<tbody>
{{#INDICATOR}}
{{#GROUP}}<tr class="group"><th scope="rowgroup" colspan="{{COLS}}">{{GROUP}}</th></tr>{{/GROUP}}
<tr><td>{{CODE}}</td><th scope="row" class="text">{{NAME}}</th>{{#TARGET}}<td class="num">{{VALUE}}</td>{{/TARGET}}</tr>
{{/INDICATOR}}
</tbody>
</table>
</section>
</section>
{{/INDICATORS}}
