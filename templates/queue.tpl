{{%AUTOESCAPE context="HTML"}}
<h1>Документы на проверке</h1>
<p>Всего: {{N}}. Сначала самые давние.</p>
{{#EMPTY}}<p>Новых документов на проверку нет.</p>{{/EMPTY}}
{{#DOC}}
<article class="review-card">
<h2><a href="/{{MUNI}}/schools/{{SCHOOL_SLUG}}/docs/{{ID}}/">{{TYPE}}: {{TITLE}}</a></h2>
<p>{{SCHOOL}}, версия {{VERSION}}. Отправлен {{SUBMITTED}} (дней на проверке: {{DAYS}}). <a href="/{{MUNI}}/schools/{{SCHOOL_SLUG}}/docs/{{ID}}/file">Скачать</a></p>
<form class="stack" method="post" action="/{{MUNI}}/schools/{{SCHOOL_SLUG}}/docs/{{ID}}/review">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<fieldset>
<legend>Решение</legend>
<label><input type="radio" name="verdict" value="accept" required> Подтвердить и опубликовать</label>
<label><input type="radio" name="verdict" value="return"> Вернуть на доработку</label>
</fieldset>
<div class="field">
<label for="comment-{{ID}}">Комментарий (обязателен при возврате)</label>
<textarea id="comment-{{ID}}" name="comment" rows="3" maxlength="4000"></textarea>
</div>
<button type="submit">Сохранить решение</button>
</form>
</article>
{{/DOC}}
