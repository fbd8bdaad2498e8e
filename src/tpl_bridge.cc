// tpl_bridge.cc: the only C++ file: ctemplate behind the extern "C" API of tpl.h.
// Loads and freezes all templates at startup; expansion is read-only and thread-safe.
#include "tpl.h"

#include <dirent.h>
#include <string.h>

#include <fstream>
#include <new>
#include <sstream>
#include <string>

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <ctemplate/template_emitter.h>

extern "C" {
#include "arena.h"
#include "buf.h"
#include "log.h"
}

static const char PRAGMA[] = "{{%AUTOESCAPE context=\"HTML\"}}";
static ctemplate::TemplateCache *cache;

static ctemplate::TemplateDictionary *D(struct tpl_dict *d)
{
	return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}

static struct tpl_dict *C(ctemplate::TemplateDictionary *d)
{
	return reinterpret_cast<struct tpl_dict *>(d);
}

static int load_one(const std::string &dir, const char *name)
{
	std::ifstream in(dir + "/" + name, std::ios::binary);
	std::ostringstream text;

	if (!in)
		return TPL_ENOENT;
	text << in.rdbuf();
	if (text.str().compare(0, sizeof PRAGMA - 1, PRAGMA) != 0) {
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

static void dict_delete_cb(void *p)
{
	delete static_cast<ctemplate::TemplateDictionary *>(p);
}

extern "C" struct tpl_dict *tpl_dict_new(struct arena *a)
{
	auto *d = new (std::nothrow) ctemplate::TemplateDictionary("p");  // short: every subdictionary name repeats it

	if (d && arena_defer(a, dict_delete_cb, d) != 0)
		return nullptr;  // already deleted by arena_defer
	return C(d);
}

extern "C" void tpl_set_str(struct tpl_dict *d, const char *key, const char *value)
{
	if (value)
		D(d)->SetValue(key, value);
}

// Formats by hand: SetIntValue's snprintf costs more than the rest of the call.
extern "C" void tpl_set_int(struct tpl_dict *d, const char *key, long long value)
{
	char digits[24], *p = digits + sizeof digits;
	unsigned long long u = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;

	do
		*--p = static_cast<char>('0' + u % 10);
	while ((u /= 10) != 0);
	if (value < 0)
		*--p = '-';
	D(d)->SetValue(key, ctemplate::TemplateString(p, static_cast<size_t>(digits + sizeof digits - p)));
}

extern "C" void tpl_show(struct tpl_dict *d, const char *section)
{
	D(d)->ShowSection(section);
}

extern "C" struct tpl_dict *tpl_section_add(struct tpl_dict *d, const char *section)
{
	return C(D(d)->AddSectionDictionary(section));
}

extern "C" void tpl_section_str(struct tpl_dict *d, const char *section, const char *key,
				const char *value)
{
	if (value)
		D(d)->AddSectionDictionary(section)->SetValue(key, value);
}

extern "C" struct tpl_dict *tpl_include(struct tpl_dict *d, const char *name, const char *file)
{
	ctemplate::TemplateDictionary *sub = D(d)->AddIncludeDictionary(name);

	sub->SetFilename(file);
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
	auto *dict = reinterpret_cast<const ctemplate::TemplateDictionary *>(d);

	if (!cache->ExpandNoLoad(file, ctemplate::STRIP_BLANK_LINES, dict, nullptr, &emitter))
		return TPL_EPARSE;
	return out->err ? TPL_EPARSE : TPL_OK;
}
