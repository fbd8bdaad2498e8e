{{%AUTOESCAPE context="HTML"}}
{{#LIST}}
<p class="kicker">{{OWNER}}</p>
<h1>Новости</h1>
{{#NO_NEWS}}<p>Новостей пока нет.</p>{{/NO_NEWS}}
{{#POST}}
<article class="news" aria-labelledby="news-{{ID}}">
<h2 id="news-{{ID}}"><a href="{{BASE}}news/{{ID}}/">{{TITLE}}</a></h2>
{{#DATE}}<p class="muted"><time datetime="{{TEXT}}">{{TEXT}}</time></p>{{/DATE}}
<div class="md">
{{HTML:x-trusted-html}}
</div>
</article>
{{/POST}}
{{/LIST}}
{{#ONE}}
<p class="kicker">{{OWNER}}</p>
<article class="news">
<h1>{{TITLE}}</h1>
{{#DATE}}<p class="muted"><time datetime="{{TEXT}}">{{TEXT}}</time></p>{{/DATE}}
<div class="md">
{{HTML:x-trusted-html}}
</div>
{{#DOC}}<p class="attached">Документ: <a href="{{BASE}}docs/{{ID}}/">{{TITLE}}</a></p>
{{/DOC}}
</article>
<p><a href="{{BASE}}news/">Все новости</a></p>
{{/ONE}}
