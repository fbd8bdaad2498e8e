// tpl_bridge.cc: the only C++ file: ctemplate behind the extern "C" API of tpl.h.
// Loads and freezes all templates at startup (expansion is then read-only and
// thread-safe) and supplies ctemplate with dictionaries that live in the request arena.
#include "tpl.h"

#include <dirent.h>
#include <string.h>

#include <fstream>
#include <new>
#include <sstream>
#include <string>

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary_interface.h>
#include <ctemplate/template_emitter.h>
#include <ctemplate/template_modifiers.h>
#include <sodium.h>

extern "C" {
#include "arena.h"
#include "buf.h"
#include "log.h"
}

static const char PRAGMA[] = "{{%AUTOESCAPE context=\"HTML\"}}";
/* *.xml.tpl (Atom feeds) are escaped as XML; *.txt.tpl (plain-text e-mail bodies,
 * never served as a page) declare that they are not escaped at all. */
static const char PRAGMA_XML[] = "{{%AUTOESCAPE context=\"XML\"}}";
static const char PRAGMA_TEXT[] = "{{!PLAIN TEXT: not escaped, e-mail bodies only}}";

static bool ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n >= k && strcmp(name + n - k, suffix) == 0;
}

/* The first line a template called `name` must start with. */
static std::string pragma_for(const char *name)
{
	if (ends_with(name, ".xml.tpl"))
		return PRAGMA_XML;
	if (ends_with(name, ".txt.tpl"))
		return PRAGMA_TEXT;
	return PRAGMA;
}
static ctemplate::TemplateCache *cache;

// The one unescaped path (tpl.h, struct tpl_html): a value set by tpl_set_html()
// starts with this random marker, made at start-up and never shown; the modifier
// strips it, and escapes as HTML any value that lacks it.
enum { MARK_LEN = 32 };
static char html_mark[MARK_LEN + 1];

namespace {
class TrustedHtml : public ctemplate::TemplateModifier {
	void Modify(const char *in, size_t inlen, const ctemplate::PerExpandData *data,
		    ctemplate::ExpandEmitter *out, const std::string &arg) const override
	{
		if (inlen >= MARK_LEN && memcmp(in, html_mark, MARK_LEN) == 0)
			out->Emit(in + MARK_LEN, inlen - MARK_LEN);
		else
			ctemplate::html_escape.Modify(in, inlen, data, out, arg);
	}
};
TrustedHtml trusted_html;
}  // namespace

namespace {

// A dictionary in the request arena. ctemplate's own TemplateDictionary names
// every sub-dictionary with a formatted string and registers every key in a
// global, lock-protected map; this one only links arena nodes, so filling a page
// costs a fraction as much and threads never contend. Lookups follow ctemplate's
// rules: values and sections are inherited from enclosing sections, not across
// includes; a missing value is empty; a section without entries is hidden.
class Dict : public ctemplate::TemplateDictionaryInterface {
public:
	struct Entry {
		const char *key, *val;
		size_t klen, vlen;
		Entry *next;
	};
	struct Group {          // the entries of one section (or include) name
		const char *name;
		size_t nlen;
		Dict *first, *last;
		int count;
		Group *next;
	};

	Dict(struct arena *a, const Dict *parent) : arena_(a), parent_(parent) {}

	struct arena *arena_;
	const Dict *parent_;
	Entry *vars_ = nullptr;
	Group *sections_ = nullptr, *includes_ = nullptr;
	Dict *next_ = nullptr;           // the next entry of the same section
	const char *filename_ = nullptr; // an include's template

	static Dict *make(struct arena *a, const Dict *parent)
	{
		void *mem = arena_alloc(a, sizeof(Dict));

		return mem ? new (mem) Dict(a, parent) : nullptr;
	}

	bool set(const char *key, const char *val, size_t vlen)
	{
		auto *e = static_cast<Entry *>(arena_alloc(arena_, sizeof(Entry)));
		char *copy = arena_strndup(arena_, val, vlen);

		if (!e || !copy)
			return false;
		*e = Entry{ key, copy, strlen(key), vlen, vars_ };
		vars_ = e;    // newest first: a later set of the same key wins
		return true;
	}

	// Appends a new entry dictionary to group `name` of list `*head`.
	Dict *add(Group **head, const char *name, const Dict *parent)
	{
		size_t nlen = strlen(name);
		Group *g = find(*head, name, nlen);
		Dict *d = make(arena_, parent);

		if (!d)
			return nullptr;
		if (!g) {
			if (!(g = static_cast<Group *>(arena_alloc(arena_, sizeof(Group)))))
				return nullptr;
			*g = Group{ name, nlen, nullptr, nullptr, 0, *head };
			*head = g;
		}
		if (g->last)
			g->last->next_ = d;
		else
			g->first = d;
		g->last = d;
		g->count++;
		return d;
	}

protected:
	ctemplate::TemplateString GetValue(const ctemplate::TemplateString &variable) const override
	{
		for (const Dict *d = this; d; d = d->parent_)
			for (const Entry *e = d->vars_; e; e = e->next)
				if (same(e->key, e->klen, variable))
					return ctemplate::TemplateString(e->val, e->vlen);
		return ctemplate::TemplateString("", 0);
	}

	bool IsHiddenSection(const ctemplate::TemplateString &name) const override
	{
		return !section(name);
	}

	bool IsUnhiddenSection(const ctemplate::TemplateString &name) const override
	{
		return section(name) != nullptr;
	}

	bool IsHiddenTemplate(const ctemplate::TemplateString &name) const override
	{
		return !include(name);
	}

	const char *GetIncludeTemplateName(const ctemplate::TemplateString &variable,
					   int dictnum) const override
	{
		const Group *g = include(variable);
		const Dict *d = g ? g->first : nullptr;

		for (; d && dictnum > 0; dictnum--)
			d = d->next_;
		return d ? d->filename_ : nullptr;
	}

	Iterator *CreateTemplateIterator(const ctemplate::TemplateString &name) const override
	{
		const Group *g = include(name);

		return new Children(g ? g->first : nullptr);
	}

	Iterator *CreateSectionIterator(const ctemplate::TemplateString &name) const override
	{
		const Group *g = section(name);

		return new Children(g ? g->first : nullptr);
	}

	void DumpToString(std::string *out, int level) const override
	{
		for (const Entry *e = vars_; e; e = e->next)
			out->append(static_cast<size_t>(level) * 2, ' ').append(e->key).append("\n");
	}

private:
	class Children : public Iterator {
		const Dict *cur_;

	public:
		explicit Children(const Dict *first) : cur_(first) {}
		bool HasNext() const override { return cur_ != nullptr; }
		const ctemplate::TemplateDictionaryInterface &Next() override
		{
			const Dict *d = cur_;

			cur_ = cur_->next_;
			return *d;
		}
	};

	static bool same(const char *key, size_t klen, const ctemplate::TemplateString &s)
	{
		return klen == s.size() && memcmp(key, s.data(), klen) == 0;
	}

	static Group *find(Group *g, const char *name, size_t nlen)
	{
		for (; g; g = g->next)
			if (g->nlen == nlen && memcmp(g->name, name, nlen) == 0)
				return g;
		return nullptr;
	}

	const Group *section(const ctemplate::TemplateString &name) const
	{
		for (const Dict *d = this; d; d = d->parent_)
			for (const Group *g = d->sections_; g; g = g->next)
				if (same(g->name, g->nlen, name))
					return g;
		return nullptr;
	}

	const Group *include(const ctemplate::TemplateString &name) const
	{
		for (const Dict *d = this; d; d = d->parent_)
			for (const Group *g = d->includes_; g; g = g->next)
				if (same(g->name, g->nlen, name))
					return g;
		return nullptr;
	}
};

Dict *D(struct tpl_dict *d)
{
	return reinterpret_cast<Dict *>(d);
}

struct tpl_dict *C(Dict *d)
{
	return reinterpret_cast<struct tpl_dict *>(d);
}

}  // namespace

static int load_one(const std::string &dir, const char *name)
{
	std::ifstream in(dir + "/" + name, std::ios::binary);
	std::ostringstream text;

	if (!in)
		return TPL_ENOENT;
	text << in.rdbuf();
	const std::string pragma = pragma_for(name);

	if (text.str().compare(0, pragma.size(), pragma) != 0) {
		log_err("tpl", "%s: missing AUTOESCAPE pragma", name);
		return TPL_ENOESCAPE;
	}
	if (!cache->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES)) {
		log_err("tpl", "%s: does not parse", name);
		return TPL_EPARSE;
	}
	return TPL_OK;
}

extern "C" int tpl_init(const char *dir)
{
	DIR *dp = opendir(dir);
	int rc = TPL_OK, loaded = 0;

	if (!dp) {
		log_err("tpl", "cannot open template directory %s", dir);
		return TPL_ENOENT;
	}
	static const char hex[] = "0123456789abcdef";
	unsigned char rnd[MARK_LEN / 2];

	randombytes_buf(rnd, sizeof rnd);
	for (size_t i = 0; i < sizeof rnd; i++) {
		html_mark[2 * i] = hex[rnd[i] >> 4];
		html_mark[2 * i + 1] = hex[rnd[i] & 15];
	}
	static bool registered;   // ctemplate's modifier table is global and keeps it

	if (!registered)
		registered = ctemplate::AddXssSafeModifier("x-trusted-html", &trusted_html);
	cache = new ctemplate::TemplateCache();
	cache->SetTemplateRootDirectory(dir);
	for (struct dirent *e; rc == TPL_OK && (e = readdir(dp)) != NULL;) {
		size_t n = strlen(e->d_name);

		if (n > 4 && strcmp(e->d_name + n - 4, ".tpl") == 0) {
			rc = load_one(dir, e->d_name);
			loaded++;
		}
	}
	closedir(dp);
	if (rc == TPL_OK && loaded == 0) {
		log_err("tpl", "no templates in %s", dir);
		rc = TPL_ENOENT;
	}
	cache->Freeze();
	return rc;
}

extern "C" void tpl_shutdown(void)
{
	delete cache;
	cache = nullptr;
}

extern "C" struct tpl_dict *tpl_dict_new(struct arena *a)
{
	return C(Dict::make(a, nullptr));
}

extern "C" void tpl_set_str(struct tpl_dict *d, const char *key, const char *value)
{
	if (d && value)
		D(d)->set(key, value, strlen(value));
}

extern "C" void tpl_set_html(struct tpl_dict *d, const char *key, const struct tpl_html *h)
{
	if (!d || !h || !h->s)
		return;
	size_t n = strlen(h->s);
	char *v = static_cast<char *>(arena_alloc(D(d)->arena_, MARK_LEN + n + 1));

	if (!v)
		return;
	memcpy(v, html_mark, MARK_LEN);
	memcpy(v + MARK_LEN, h->s, n + 1);
	D(d)->set(key, v, MARK_LEN + n);
}

// Formats by hand: a number is set on most table rows.
extern "C" void tpl_set_int(struct tpl_dict *d, const char *key, long long value)
{
	char digits[24], *p = digits + sizeof digits;
	unsigned long long u = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;

	if (!d)
		return;
	do
		*--p = static_cast<char>('0' + u % 10);
	while ((u /= 10) != 0);
	if (value < 0)
		*--p = '-';
	D(d)->set(key, p, static_cast<size_t>(digits + sizeof digits - p));
}

extern "C" void tpl_show(struct tpl_dict *d, const char *section)
{
	if (d)
		D(d)->add(&D(d)->sections_, section, D(d));
}

extern "C" struct tpl_dict *tpl_section_add(struct tpl_dict *d, const char *section)
{
	return d ? C(D(d)->add(&D(d)->sections_, section, D(d))) : nullptr;
}

extern "C" void tpl_section_str(struct tpl_dict *d, const char *section, const char *key,
				const char *value)
{
	if (value)
		tpl_set_str(tpl_section_add(d, section), key, value);
}

extern "C" struct tpl_dict *tpl_include(struct tpl_dict *d, const char *name, const char *file)
{
	Dict *sub = d ? D(d)->add(&D(d)->includes_, name, nullptr) : nullptr;

	if (sub)
		sub->filename_ = file;
	return C(sub);
}

namespace {
// Writes the expansion straight into the response buffer.
class BufEmitter : public ctemplate::ExpandEmitter {
	struct buf *out_;

public:
	explicit BufEmitter(struct buf *out) : out_(out) {}
	void Emit(char c) override { buf_putc(out_, c); }
	void Emit(const std::string &s) override { buf_put(out_, s.data(), s.size()); }
	void Emit(const char *s) override { buf_puts(out_, s); }
	void Emit(const char *s, size_t n) override { buf_put(out_, s, n); }
};
}  // namespace

extern "C" int tpl_expand(const char *file, const struct tpl_dict *d, struct buf *out)
{
	BufEmitter emitter(out);

	if (!d || !cache->ExpandNoLoad(file, ctemplate::STRIP_BLANK_LINES,
				       reinterpret_cast<const Dict *>(d), nullptr, &emitter))
		return TPL_EPARSE;
	return out->err ? TPL_EPARSE : TPL_OK;
}
