{{%AUTOESCAPE context="HTML"}}
<div class="org" itemscope itemtype="https://schema.org/EducationalOrganization">
<p class="kicker">Повышение качества</p>
<h1 itemprop="name">{{NAME}}</h1>
{{#FULL}}<p class="muted" itemprop="legalName">{{TEXT}}</p>{{/FULL}}
<p class="muted" itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="addressLocality">{{MUNI_NAME}}</span>, <span itemprop="addressRegion">{{REGION}}</span></p>
{{#WEBSITE}}<p>Сайт школы: <a itemprop="url" href="{{URL}}">{{URL}}</a></p>{{/WEBSITE}}
</div>
<p class="badges">{{#BADGE}}<span class="badge badge-{{CODE}}">{{LABEL}} {{YEAR}}{{#CATEGORY}}: {{LABEL}}{{/CATEGORY}}</span> {{/BADGE}}</p>
{{#PARENT}}<p>Филиал школы <a href="/{{MUNI_SLUG}}/schools/{{SLUG}}/">{{LABEL}}</a>.</p>{{/PARENT}}
<p class="updated">Обновлено: <time>{{UPDATED}}</time></p>
{{#FEED}}<p class="feed"><a href="{{URL}}" type="application/atom+xml">Лента новостей школы (Atom)</a> · <a href="/opendata/">Открытые данные</a></p>{{/FEED}}
{{#INSIDER}}<p class="insider"><a href="/{{MUNI_SLUG}}/schools/{{SLUG}}/docs/">Документы школы: загрузка и проверка</a> · <a href="/{{MUNI_SLUG}}/schools/{{SLUG}}/audit/">Журнал изменений</a>{{#EDITOR}} · <a href="/{{MUNI_SLUG}}/schools/{{SLUG}}/content/">Тексты и новости раздела</a>{{/EDITOR}}</p>{{/INSIDER}}
{{>CONTENT}}

<section aria-labelledby="lists">
<h2 id="lists">Участие в программах</h2>
{{#NO_MEMBERSHIP}}<p>Школа не входит в списки поддержки.</p>{{/NO_MEMBERSHIP}}
{{#HAS_MEMBERSHIP}}
<section class="scroll" tabindex="0" aria-labelledby="t-lists">
<table>
<caption id="t-lists">Списки, в которые входит школа, по годам</caption>
<thead><tr><th scope="col">Год</th><th scope="col">Список</th><th scope="col">Категория</th><th scope="col">Кластер</th><th scope="col">Подробности</th></tr></thead>
<tbody>
{{#MEMBERSHIP}}<tr><td>{{YEAR}}</td><th scope="row">{{PROGRAMME}}</th><td>{{CATEGORY}}</td><td>{{CLUSTER}}</td><td>{{DETAILS}}{{#URD}}<br><span class="muted">{{TEXT}}</span>{{/URD}}</td></tr>
{{/MEMBERSHIP}}
</tbody>
</table>
</section>
{{/HAS_MEMBERSHIP}}
</section>

{{#RISKS}}
<section class="risks">
<h2>{{CATALOGUE}}, {{YEAR}}</h2>
<ul class="risk-list">
{{#RISK}}<li>{{NAME}}{{#SIGNIFICANCE}} <span class="sig sig-{{CODE}}">значимость: {{LABEL}}</span>{{/SIGNIFICANCE}}</li>
{{/RISK}}
</ul>
</section>
{{/RISKS}}

<section aria-labelledby="docs">
<h2 id="docs">Документы</h2>
{{#NO_DOCS}}<p>Для школы не установлен перечень обязательных документов.</p>{{/NO_DOCS}}
{{#HAS_DOCS}}
<section class="scroll" tabindex="0" aria-labelledby="t-docs">
<table>
<caption id="t-docs">Обязательные документы и их состояние</caption>
<thead><tr><th scope="col">Документ</th><th scope="col">Срок</th><th scope="col">Состояние</th></tr></thead>
<tbody>
{{#DOC}}<tr><th scope="row">{{TYPE}}</th><td>{{DUE}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/DOC}}
</tbody>
</table>
</section>
{{/HAS_DOCS}}
<h3>Опубликованные документы</h3>
{{#NO_PUBLISHED}}<p>Опубликованных документов пока нет.</p>{{/NO_PUBLISHED}}
<ul class="published">
{{#PUBLISHED}}<li><a href="/{{MUNI}}/schools/{{SCHOOL}}/docs/{{ID}}/">{{TYPE}}: {{TITLE}}</a> <span class="muted">(версия {{VERSION}}, опубликована {{DATE}})</span> · <a href="/{{MUNI}}/schools/{{SCHOOL}}/docs/{{ID}}/file">скачать</a></li>
{{/PUBLISHED}}
</ul>
</section>

<section aria-labelledby="roadmap">
<h2 id="roadmap">Дорожная карта</h2>
{{#SCHOOL_ROADMAP}}
<p><a href="/{{MUNI_SLUG}}/schools/{{SLUG}}/roadmap/">{{TITLE}}</a></p>
<p class="metric-value"><span class="big">{{METRIC}}&nbsp;%</span> — доля исполненных и подтвержденных мероприятий: {{METRIC_CONFIRMED}} из {{METRIC_DUE}}, срок которых наступил.</p>
{{/SCHOOL_ROADMAP}}
{{#NO_SCHOOL_ROADMAP}}<p>Дорожная карта школы ещё не представлена.</p>{{/NO_SCHOOL_ROADMAP}}
{{#MUNI_ROADMAP}}
<p>Муниципальная дорожная карта: подтверждено {{METRIC_CONFIRMED}} из {{METRIC_DUE}} мероприятий, срок которых наступил ({{METRIC}}&nbsp;%). <a href="/{{SLUG}}/roadmap/">Все мероприятия</a></p>
{{/MUNI_ROADMAP}}
</section>

<section aria-labelledby="results">
<h2 id="results">Результаты</h2>
{{#NO_RESULTS}}<p>Результаты оценочных процедур для школы пока не загружены.</p>{{/NO_RESULTS}}
{{#RESULTS}}
<section class="scroll" tabindex="0" aria-labelledby="t-res-{{N}}">
<table class="results">
<caption id="t-res-{{N}}">{{PROCEDURE}}{{#SUBJECT}}: {{TEXT}}{{/SUBJECT}}{{#GRADE}}, {{N}} класс{{/GRADE}}{{#STAGE}} ({{TEXT}}){{/STAGE}}</caption>
<thead>
<tr><th scope="col" rowspan="2">Образовательное учреждение</th>{{#YEAR}}<th scope="colgroup" colspan="{{SPAN}}">{{YEAR}}</th>{{/YEAR}}</tr>
<tr>{{#METRIC}}<th scope="col">{{LABEL}}</th>{{/METRIC}}</tr>
</thead>
<tbody>
{{#ROW}}<tr class="scope-{{SCOPE}}"><th scope="row">{{LABEL}}</th>{{#CELL}}<td class="num">{{#HIDDEN}}данных недостаточно{{/HIDDEN}}{{VALUE}}{{#NO_N}}<sup class="mark"><abbr title="N не указано">*</abbr></sup>{{/NO_N}}{{#SMALL}} <span class="mark">(данных недостаточно: N = {{N}})</span>{{/SMALL}}</td>{{/CELL}}</tr>
{{/ROW}}
</tbody>
</table>
{{#NOTE_NO_N}}<p class="note"><sup>*</sup> N не указано: число участников не загружено, поэтому малочисленность группы не проверена.</p>{{/NOTE_NO_N}}
</section>
{{/RESULTS}}
<p class="note">Результат группы меньше {{MIN_GROUP}} участников не публикуется: вместо него — «данных недостаточно».</p>
</section>
