{{%AUTOESCAPE context="HTML"}}
<h1>Уведомления по электронной почте</h1>
<p class="lead">Портал пишет на почту, когда документ сдан, возвращён или принят, когда подходит или прошёл срок мероприятия и по итогам проверки сайта школы.</p>
{{#SAVED}}<p class="ok" role="status">Настройки сохранены.</p>{{/SAVED}}
{{#ERROR}}<p class="err" role="alert" id="email-err">{{TEXT}}</p>{{/ERROR}}
<form class="stack" method="post" action="/settings/mail">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field"><label for="email">Адрес электронной почты</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" maxlength="254" autocomplete="email"{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-err"{{/EMAIL_INVALID}}>
<p class="muted">Пустой адрес — писем не будет.</p></div>
<fieldset>
<legend>Какие письма получать</legend>
{{#KIND}}<div class="check"><input type="checkbox" id="k-{{CODE}}" name="{{CODE}}" value="1"{{#CHECKED}} checked{{/CHECKED}}>
<label for="k-{{CODE}}">{{LABEL}}</label></div>
{{/KIND}}</fieldset>
<fieldset>
<legend>Сводка</legend>
{{#DIGEST}}<div class="check"><input type="checkbox" id="k-{{CODE}}" name="{{CODE}}" value="1"{{#CHECKED}} checked{{/CHECKED}}>
<label for="k-{{CODE}}">{{LABEL}}: раз в день — ваши мероприятия со сроком в ближайшую неделю и просроченные</label></div>
{{/DIGEST}}</fieldset>
<button type="submit">Сохранить</button>
</form>
