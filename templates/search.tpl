{{%AUTOESCAPE context="HTML"}}
<h1>Поиск</h1>
<form class="filters search-form" method="get" action="/search" role="search" aria-label="Параметры поиска">
<div class="field">
<label for="s-q">Что найти</label>
<input id="s-q" type="search" name="q" value="{{Q}}" maxlength="500">
</div>
<div class="field">
<label for="s-muni">Муниципалитет</label>
<select id="s-muni" name="muni">
<option value="">все</option>
{{#MUNI_OPTION}}<option value="{{SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNI_OPTION}}
</select>
</div>
<div class="field">
<label for="s-kind">Что искать</label>
<select id="s-kind" name="kind">
<option value="">всё</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}
</select>
</div>
<div class="field"><button type="submit">Найти</button></div>
</form>
{{#EMPTY}}<p>Введите слова: название или номер школы («СОШ № 7»), название документа, текст мероприятия дорожной карты или ответственного. Слова ищутся в любой форме.</p>{{/EMPTY}}
{{#NO_WORDS}}<p>В запросе нет слов для поиска: нужны буквы или цифры.</p>{{/NO_WORDS}}
{{#RESULTS}}{{#EXACT}}<p class="lead">Найдено: {{TOTAL}}.</p>{{/EXACT}}{{#CAPPED}}<p class="lead">Найдено больше {{CAP}}: ниже сначала самые новые, по видам — первые {{CAP}}. Уточните запрос: добавьте слова или выберите муниципалитет.</p>{{/CAPPED}}
<ul class="search-counts">
{{#COUNT}}<li><a href="/search?{{LINK}}&amp;kind={{KIND}}">{{LABEL}}</a>: {{N}}</li>
{{/COUNT}}
</ul>{{/RESULTS}}
{{#NOTHING}}<p>Ничего не найдено. Проверьте написание или уберите часть слов и фильтры.</p>{{/NOTHING}}
{{#GROUP}}<section class="search-group" aria-labelledby="g-{{KIND}}">
<h2 id="g-{{KIND}}">{{LABEL}} <span class="muted">({{COUNT}})</span></h2>
<ol class="search-hits">
{{#HIT}}<li><a href="{{URL}}">{{#TITLE}}{{#PART}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{/PART}}{{/TITLE}}</a>{{#PRIVATE}} <span class="badge">виден только участникам</span>{{/PRIVATE}}
<p class="muted">{{META}}</p>
{{#SNIPPET}}<p class="snippet">{{#PART}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{/PART}}</p>{{/SNIPPET}}</li>
{{/HIT}}
</ol>
{{#MORE}}<p><a href="/search?{{LINK}}&amp;kind={{KIND}}">Все результаты: {{COUNT}}</a></p>{{/MORE}}
</section>{{/GROUP}}
{{#PAGER}}<nav class="pager" aria-label="Страницы результатов">
<p>Страница {{PAGE}} из {{PAGES}}.
{{#PREV}}<a href="/search?{{LINK}}&amp;kind={{KIND}}&amp;page={{N}}" rel="prev">Предыдущая</a>{{/PREV}}
{{#NEXT}}<a href="/search?{{LINK}}&amp;kind={{KIND}}&amp;page={{N}}" rel="next">Следующая</a>{{/NEXT}}</p>
</nav>{{/PAGER}}
