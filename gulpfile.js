const { src, dest } = require('gulp');

/** Icons and the codex files (*.node.json) next to the compiled nodes in dist/. */
function buildAssets() {
	return src(['icons/**/*.svg', 'nodes/**/*.node.json'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
