{{%AUTOESCAPE context="HTML"}}
<h1>Программы повышения качества образования</h1>
<p class="lead">Муниципальные программы поддержки школ с низкими образовательными результатами (ШНОР, НРО), школ, функционирующих в неблагоприятных социальных условиях (ШНСУ, ФНСУ), и участников проекта «500+». Муниципалитетов: {{N_MUNI}}.</p>
<ul class="cards">
{{#MUNI}}
<li class="card">
<h2><a href="/{{SLUG}}/">{{NAME}}</a></h2>
<p class="muted">{{REGION}}</p>
<p>{{PROGRAMME}}</p>
<dl class="facts">
<div><dt>Период</dt><dd>{{PERIOD}}</dd></div>
<div><dt>Школ</dt><dd>{{N_SCHOOLS}}</dd></div>
<div><dt>В списках поддержки</dt><dd>{{N_SUPPORTED}}</dd></div>
<div><dt>Мероприятий дорожной карты</dt><dd>{{N_ITEMS}}</dd></div>
</dl>
</li>
{{/MUNI}}
</ul>
