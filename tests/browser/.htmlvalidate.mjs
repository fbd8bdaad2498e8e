// .htmlvalidate.mjs: html-validate configuration for the pages as nginx serves them.
// browser.mjs imports it (the html-validate CLI also picks up .htmlvalidate.mjs files).
//
// "html-validate:recommended" is the base: every correctness and accessibility rule stays on.
// "html-validate:document" adds the rules that only make sense for whole documents (doctype,
// heading levels, labels on inputs, references that resolve, SRI), which is what we validate.
// Rules switched off or tuned below are purely stylistic; each one says why.
export default {
	root: true,
	extends: ["html-validate:recommended", "html-validate:document"],
	rules: {
		// ctemplate leaves the spaces between {{#SECTION}} blocks at the ends of lines (for
		// example after the last badge in a list of schools). Trailing spaces in the served HTML
		// change nothing a reader or a screen reader gets.
		"no-trailing-whitespace": "off",

		// Subresource integrity matters for files from another origin (a CDN). The portal loads
		// only its own /static/ files, from nginx on the same origin, so require it for
		// cross-origin resources only; any cross-origin <link>/<script> still needs integrity.
		"require-sri": ["error", { target: "crossorigin" }],
	},
};
