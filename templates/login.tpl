{{%AUTOESCAPE context="HTML"}}
<h1>Вход</h1>
<p>Вход для администраторов школ, кураторов и муниципальных координаторов. Публичные страницы доступны без входа.</p>
<form class="stack" method="post" action="/login">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
{{#ERROR}}<p class="err" role="alert" id="login-err">{{MSG}}</p>{{/ERROR}}
<div class="field">
<label for="login">Логин</label>
<input id="login" name="login" type="text" value="{{LOGIN}}" autocomplete="username" required maxlength="64"{{#ERROR}} aria-describedby="login-err"{{/ERROR}}>
</div>
<div class="field">
<label for="password">Пароль</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
</div>
<button type="submit">Войти</button>
</form>
