{{%AUTOESCAPE context="HTML"}}
<h1>Мониторинг сайта: {{NAME}}</h1>
<p class="lead">{{#WEBSITE}}Раздел «Повышение качества» на сайте школы: <a href="{{URL}}" rel="nofollow noopener">{{URL}}</a>{{/WEBSITE}}{{#NO_WEBSITE}}Адрес раздела «Повышение качества» на сайте школы не указан.{{/NO_WEBSITE}}</p>
{{#CAN_EDIT}}<form class="stack" method="post" action="/{{MUNI}}/schools/{{SCHOOL}}/monitoring/website">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#ERROR}}<p class="err" id="website-err" role="alert">{{TEXT}}</p>{{/ERROR}}
<div class="field"><label for="website">Адрес раздела на сайте школы (http:// или https://; пусто — не указан)</label>
<input type="url" id="website" name="website" value="{{VALUE}}" maxlength="500" inputmode="url"{{#ERROR}} aria-describedby="website-err" aria-invalid="true"{{/ERROR}}></div>
<button type="submit">Сохранить адрес</button>
</form>{{/CAN_EDIT}}
{{#NONE}}<p>Сайт школы ещё не проверялся.</p>{{/NONE}}
{{#FINDING}}<section>
<h2>{{ROUND}}</h2>
<dl>
{{#ITEM}}<dt>{{HEAD}}</dt><dd class="anywhere">{{TEXT}}</dd>
{{/ITEM}}</dl>
</section>
{{/FINDING}}
