{{%AUTOESCAPE context="HTML"}}
<p class="kicker">{{OWNER}}</p>
<h1>{{HEADING}}</h1>
{{#SAVED}}<p><a href="{{BASE}}content/{{ID}}/versions/">История изменений</a></p>{{/SAVED}}
<form method="post" action="{{ACTION}}" class="content-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#NEWS}}
<p><label for="title">Заголовок</label><br>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" required{{#TITLE_ERR}} aria-invalid="true" aria-describedby="title-err"{{/TITLE_ERR}}></p>
{{#TITLE_ERR}}<p class="err" id="title-err">{{MSG}}</p>{{/TITLE_ERR}}
<p><label for="news_on">Дата</label><br>
<input id="news_on" name="news_on" type="date" value="{{NEWS_ON}}" required{{#DATE_ERR}} aria-invalid="true" aria-describedby="date-err"{{/DATE_ERR}}></p>
{{#DATE_ERR}}<p class="err" id="date-err">{{MSG}}</p>{{/DATE_ERR}}
{{#DOCS}}<fieldset><legend>Документы школы к новости</legend>
{{#DOC}}<p><label><input type="checkbox" name="doc" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{TITLE}}</label></p>
{{/DOC}}
</fieldset>{{/DOCS}}
{{/NEWS}}
<p><label for="body">Текст</label><br>
<textarea id="body" name="body" rows="16" cols="60" aria-describedby="body-help{{#BODY_ERR}} body-err{{/BODY_ERR}}">{{BODY}}</textarea></p>
<p class="muted" id="body-help">Markdown: <code># Заголовок</code>, <code>- пункт списка</code>, <code>[текст ссылки](https://…)</code>, пустая строка — новый абзац. HTML-теги не выводятся; таблицы не поддерживаются.</p>
{{#BODY_ERR}}<p class="err" id="body-err">{{MSG}}</p>{{/BODY_ERR}}
<p><button type="submit" name="action" value="preview">Предпросмотр</button> <button type="submit" name="action" value="save">Сохранить</button></p>
</form>
{{#PREVIEW}}
<section class="preview" aria-labelledby="preview">
<h2 id="preview">Предпросмотр (ещё не сохранено)</h2>
<div class="md">
{{HTML:x-trusted-html}}
</div>
</section>
{{/PREVIEW}}
