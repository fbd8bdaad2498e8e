{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — {{SITE}}</title>
<link rel="stylesheet" href="/static/site.css">
{{#VI_ON}}<link rel="stylesheet" href="/static/vi.css">{{/VI_ON}}{{#FEED}}<link rel="alternate" type="application/atom+xml" title="{{LABEL}}" href="{{URL}}">{{/FEED}}
</head>
<body{{#VI_ON}} class="vi"{{/VI_ON}}>
<a class="skip" href="#main">Перейти к содержанию</a>
<header class="site">
<div class="wrap">
<a class="brand" href="/">{{SITE}}</a>
<p class="tagline">Повышение качества образования: программы муниципалитетов и школ</p>
<div class="tools">
<form class="site-search" method="get" action="/search" role="search" aria-label="Поиск по порталу">
<label for="site-q">Поиск</label>
<input id="site-q" type="search" name="q" maxlength="500">
<button type="submit">Найти</button>
</form>
{{#VI_OFF}}<a class="vi-switch" href="/vi/on?back={{BACK}}">Версия для слабовидящих</a>{{/VI_OFF}}
{{#VI_ON}}<a class="vi-switch" href="/vi/off?back={{BACK}}">Обычная версия</a>{{/VI_ON}}
{{#ANON}}<a class="account" href="/login">Войти</a>{{/ANON}}
{{#USER}}<a class="account" href="/cabinet/">{{NAME}}</a>
<form class="logout" method="post" action="/logout"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit">Выйти</button></form>{{/USER}}
</div>
</div>
</header>
{{#CRUMBS}}<nav class="crumbs wrap" aria-label="Навигация">
<ol>
<li><a href="/">Главная</a></li>
{{#CRUMB}}<li><a href="{{URL}}">{{LABEL}}</a></li>{{/CRUMB}}
<li aria-current="page">{{TITLE}}</li>
</ol>
</nav>{{/CRUMBS}}
<main id="main" class="wrap">
{{>BODY}}
</main>
<footer class="site">
<div class="wrap">
<p>«Качество» — муниципальный портал программ повышения качества образования. Данные демонстрационной базы взяты из опубликованных программ муниципалитетов.</p>
</div>
</footer>
</body>
</html>
