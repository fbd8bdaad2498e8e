{{%AUTOESCAPE context="HTML"}}
{{#PAGE}}
<section class="text-page" aria-labelledby="part-{{PART}}">
<h2 id="part-{{PART}}">{{LABEL}}</h2>
<div class="md">
{{HTML:x-trusted-html}}
</div>
</section>
{{/PAGE}}
<section aria-labelledby="news">
<h2 id="news">Новости</h2>
{{#NO_NEWS}}<p>Новостей пока нет.</p>{{/NO_NEWS}}
{{#NEWS}}
<article class="news" aria-labelledby="news-{{ID}}">
<h3 id="news-{{ID}}"><a href="{{BASE}}news/{{ID}}/">{{TITLE}}</a></h3>
{{#DATE}}<p class="muted"><time datetime="{{TEXT}}">{{TEXT}}</time></p>{{/DATE}}
<div class="md">
{{HTML:x-trusted-html}}
</div>
</article>
{{/NEWS}}
{{#ALL_NEWS}}<p><a href="{{BASE}}news/">Все новости</a></p>{{/ALL_NEWS}}
</section>
