{{%AUTOESCAPE context="HTML"}}
<p class="kicker">{{OWNER}}</p>
<h1>Содержание раздела</h1>
<p>Тексты пишутся в Markdown. Каждое сохранение — новая версия; её видно в истории изменений. <a href="{{BASE}}">Открыть раздел</a></p>
<section aria-labelledby="pages">
<h2 id="pages">Страницы</h2>
<ul>
{{#PAGE}}<li><a href="{{BASE}}content/{{KEY}}">{{LABEL}}</a>{{#SAVED}} — изменено {{DATE}} · <a href="{{BASE}}content/{{ID}}/versions/">история изменений</a>{{/SAVED}}</li>
{{/PAGE}}
</ul>
</section>
<section aria-labelledby="news">
<h2 id="news">Новости</h2>
<p><a href="{{BASE}}content/news">Добавить новость</a></p>
<ul class="news-admin">
{{#NEWS}}<li>{{DATE}} <a href="{{BASE}}content/{{ID}}">{{TITLE}}</a>{{#HIDDEN}} <span class="status">снята с публикации</span>{{/HIDDEN}} · <a href="{{BASE}}content/{{ID}}/versions/">история изменений</a>
<form method="post" action="{{BASE}}content/{{ID}}/visibility" class="inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#SHOWN}}<input type="hidden" name="hidden" value="1"><button type="submit">Снять с публикации</button>{{/SHOWN}}
{{#HIDDEN}}<input type="hidden" name="hidden" value="0"><button type="submit">Опубликовать</button>{{/HIDDEN}}
</form></li>
{{/NEWS}}
</ul>
</section>
