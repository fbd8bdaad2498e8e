{{%AUTOESCAPE context="HTML"}}
<p class="kicker">{{OWNER}}</p>
<h1>История изменений: {{HEADING}}</h1>
<p><a href="{{BASE}}content/{{TEXT_ID}}">Редактировать</a></p>
{{#VERSION}}
<section class="version" aria-labelledby="v-{{ID}}">
<h2 id="v-{{ID}}">Версия {{ID}}: {{WHEN}}, {{WHO}}{{#RESTORED}} (возврат к версии {{FROM}}){{/RESTORED}}</h2>
{{#TITLE_CHANGE}}<p>Заголовок: <del>{{OLD}}</del> → <ins>{{NEW}}</ins></p>{{/TITLE_CHANGE}}
<pre class="diff">{{#LINE}}<span class="diff-{{OP}}">{{SIGN}} {{TEXT}}</span>
{{/LINE}}</pre>
{{#ROLLBACK}}<form method="post" action="{{BASE}}content/{{TEXT_ID}}/rollback">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{ID}}">
<button type="submit">Вернуть эту версию</button>
</form>{{/ROLLBACK}}
</section>
{{/VERSION}}
