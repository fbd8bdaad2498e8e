{{%AUTOESCAPE context="HTML"}}
<h1>Журнал изменений</h1>
<p class="lead">{{NAME}}</p>
{{#EMPTY}}<p>Записей пока нет.</p>{{/EMPTY}}
<section class="scroll" tabindex="0" aria-labelledby="t-audit">
<table>
<caption id="t-audit">Все изменения по школе, новые сверху</caption>
<thead><tr><th scope="col">Когда</th><th scope="col">Кто</th><th scope="col">Откуда</th><th scope="col">Что</th><th scope="col">Состояние</th><th scope="col">Подробности</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td>{{WHEN}}</td><td>{{WHO}}</td><td>{{ADDR}}</td><th scope="row">{{ACTION}}</th><td>{{CHANGE}}</td><td>{{#DETAIL}}{{TEXT}}{{/DETAIL}}{{#SHA}} <code class="sha">{{TEXT}}</code>{{/SHA}}</td></tr>
{{/EVENT}}
</tbody>
</table>
</section>
