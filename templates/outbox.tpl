{{%AUTOESCAPE context="HTML"}}
<h1>Исходящая почта</h1>
<p class="lead">Последние письма портала ({{N}}): кому, о чём, отправлено ли. Письмо отправляется не больше одного раза; если портал остановился во время отправки, письмо помечается «не отправлено» — проверьте и отправьте снова.</p>
{{#EMPTY}}<p>Писем нет.</p>{{/EMPTY}}
{{#MAIL}}<section class="mail" aria-labelledby="mail-{{ID}}">
<h2 id="mail-{{ID}}">№ {{ID}}. {{SUBJECT}}</h2>
<dl class="facts">
<dt>Кому</dt><dd>{{RCPT}}</dd>
<dt>Вид</dt><dd>{{KIND}}</dd>
<dt>Создано</dt><dd>{{CREATED}}</dd>
<dt>Состояние</dt><dd class="st-{{STATUS}}">{{STATUS_LABEL}}{{#SENT}}, {{AT}}{{/SENT}}{{#NEXT}}, следующая попытка {{AT}}{{/NEXT}}</dd>
<dt>Попыток</dt><dd>{{ATTEMPTS}}</dd>
{{#ERROR}}<dt>Последняя ошибка</dt><dd>{{TEXT}}</dd>{{/ERROR}}
</dl>
<details><summary>Текст письма</summary><pre class="mail-text">{{BODY}}</pre></details>
{{#RETRY}}<form method="post" action="/admin/outbox/{{ID}}/retry"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit">Отправить снова</button></form>{{/RETRY}}
</section>
{{/MAIL}}
