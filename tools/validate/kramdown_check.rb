# frozen_string_literal: true

# Renders the published "API Error Codes" page (the spec) and every generated page with kramdown,
# the Markdown renderer of the OMNIA docs site (Jekyll with `markdown: kramdown` and
# `kramdown: {input: GFM, auto_ids: true, hard_wrap: false}`), and checks what the site serves:
#   (a) the English page's tables (each cell's text) equal the spec's, except the two typo fixes;
#   (b) on every generated page, each code's row holds an element whose id is the code, in the
#       code cell, and no id occurs twice on the page, so `omnia3_api_errors.html#Code` lands there;
#   (c) every translated page has the English page's code column and anchors.
#
# Usage: ruby tools/validate/kramdown_check.rb SPEC ENGLISH_PAGE [TRANSLATED_PAGE...]
# Prints a line per page; exits 1 listing every problem, each naming its page and code.

require 'kramdown'
require 'kramdown-parser-gfm'

# The site's kramdown options (OMNIALowCode/omniadocs, docs/_config.yml).
OPTIONS = { input: 'GFM', auto_ids: true, hard_wrap: false }.freeze

# The cells the generated page corrects: the code, the spec's wrong text, and the page's. The
# English page must differ from the spec in these cells and nowhere else.
TYPO_FIXES = [
  ['MissingSystemConfiguration', /must configured/, 'must be configured'],
  ['ForbidToAddToCollectionBasedOnStateMachineConfiguration', /\Ais not possible/, 'It is not possible']
].freeze

# Jekyll's own pattern for a page's YAML front matter (Jekyll::Document::YAML_FRONT_MATTER_REGEXP).
FRONT_MATTER = /\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)/m

# A table as a reader sees it: header cells, and rows each with its cells' text and the
# [column, id] of every element with an id.
Table = Struct.new(:header, :rows)
Row = Struct.new(:cells, :ids)
# A page rendered: its tables, every id of the element tree, the HTML kramdown writes, and
# kramdown's warnings.
Page = Struct.new(:path, :tables, :ids, :html, :warnings)

# Yields an element and every element under it, in document order.
def each_element(element, &block)
  yield element
  element.children.each { |child| each_element(child, &block) }
end

# The text a reader sees in an element: tags dropped, entities and typography as characters.
def text_of(element)
  case element.type
  when :text, :codespan then element.value
  when :entity then element.value.char
  when :smart_quote then Kramdown::Utils::Entities.entity(element.value.to_s).char
  when :typographic_sym
    Kramdown::Converter::Html::TYPOGRAPHIC_SYMS.fetch(element.value).map(&:char).join
  when :br then "\n"
  when :html_element
    element.value == 'br' ? "\n" : element.children.map { |child| text_of(child) }.join
  else element.children.map { |child| text_of(child) }.join
  end
end

# The ids of an element and of every element under it.
def ids_in(element)
  ids = []
  each_element(element) { |e| ids << e.attr['id'] if e.attr.key?('id') }
  ids
end

# A :tr element as a Row; header and body rows alike.
def row_of(tr)
  ids = tr.children.each_with_index.flat_map { |td, column| ids_in(td).map { |id| [column, id] } }
  Row.new(tr.children.map { |td| text_of(td) }, ids)
end

# A :table element as a Table: its :thead row's cells, its :tbody rows.
def table_of(element)
  rows_in = ->(type) { element.children.select { |s| s.type == type }.flat_map(&:children) }
  header = rows_in.call(:thead).first
  Table.new(header ? row_of(header).cells : [], rows_in.call(:tbody).map { |tr| row_of(tr) })
end

# A page rendered as the site renders it: front matter stripped (Jekyll reads it, kramdown
# never sees it), then kramdown with the site's options.
def render(path)
  text = File.read(path, encoding: 'UTF-8')
  document = Kramdown::Document.new(text.sub(FRONT_MATTER, ''), **OPTIONS)
  tables = []
  each_element(document.root) { |e| tables << table_of(e) if e.type == :table }
  Page.new(path, tables, ids_in(document.root), document.to_html, document.warnings)
end

# The code column of each table of a page.
def codes_of(page)
  page.tables.map { |table| table.rows.map { |row| row.cells.first } }
end

# The spec's tables with the typo fixes applied: what the English page must show. Each fix
# must apply to exactly one cell, so that a fix the spec no longer needs is noticed.
def fixed_spec(spec, problems)
  tables = spec.tables.map { |t| Table.new(t.header, t.rows.map { |r| Row.new(r.cells.dup, r.ids) }) }
  TYPO_FIXES.each do |code, wrong, right|
    rows = tables.flat_map(&:rows).select { |row| row.cells.first == code }
    cell = rows.size == 1 ? rows.first.cells.last : nil
    if cell.nil? || cell.scan(wrong).size != 1
      problems << "#{spec.path}: #{code}: the typo fix #{wrong.source.inspect} -> #{right.inspect} does not apply to exactly one cell"
    else
      rows.first.cells[-1] = cell.sub(wrong, right)
    end
  end
  tables
end

# (a) The English page shows the spec's tables, typo fixes applied: codes, statuses, messages
# and order.
def check_against_spec(spec, english, problems)
  expected = fixed_spec(spec, problems)
  if english.tables.size != expected.size
    problems << "#{english.path}: #{english.tables.size} tables, the spec has #{expected.size}"
  end
  english.tables.zip(expected).each_with_index do |(table, wanted), t|
    next if table.nil? || wanted.nil?

    name = "#{english.path}: table #{t + 1}"
    problems << "#{name}: header #{table.header.inspect}, the spec's is #{wanted.header.inspect}" if table.header != wanted.header
    problems << "#{name}: #{table.rows.size} rows, the spec has #{wanted.rows.size}" if table.rows.size != wanted.rows.size
    table.rows.zip(wanted.rows).each_with_index do |(row, spec_row), r|
      next if row.nil? || spec_row.nil? || row.cells == spec_row.cells

      problems << "#{name}, row #{r + 1} (#{spec_row.cells.first}): #{row.cells.inspect}, expected #{spec_row.cells.inspect}"
    end
  end
end

# (b) Every code's row holds exactly one id, the code, in the code cell; no id occurs twice, in
# kramdown's element tree nor in the HTML it writes.
def check_anchors(page, problems)
  page.tables.each_with_index do |table, t|
    table.rows.each_with_index do |row, r|
      code = row.cells.first
      next if row.ids == [[0, code]]

      found = row.ids.map { |column, id| "id #{id.inspect} in column #{column + 1}" }
      problems << "#{page.path}: table #{t + 1}, row #{r + 1} (#{code}): #{found.empty? ? 'no anchor' : found.join(', ')}, expected the id #{code.inspect} in the code cell"
    end
  end
  html_ids = page.html.scan(/<[a-zA-Z][^>]*?\sid="([^"]*)"/).flatten
  [['element tree', page.ids], ['HTML', html_ids]].each do |where, ids|
    ids.tally.select { |_, n| n > 1 }.each_key do |id|
      problems << "#{page.path}: id #{id.inspect} occurs #{ids.count(id)} times in kramdown's #{where}"
    end
  end
  codes_of(page).flatten.each do |code|
    problems << "#{page.path}: #{code}: no id #{code.inspect} in the HTML" unless html_ids.include?(code)
  end
end

# (c) A translated page has the English page's codes, in the same rows, with the same anchors.
def check_translation(english, page, problems)
  ours = codes_of(page)
  theirs = codes_of(english)
  if ours != theirs
    missing = theirs.flatten - ours.flatten
    extra = ours.flatten - theirs.flatten
    how = missing.empty? && extra.empty? ? 'the same codes in another order' : "missing #{missing.inspect}, extra #{extra.inspect}"
    problems << "#{page.path}: the code column differs from #{english.path}'s: #{how}"
  end
  # Compared code by code, so that a missing row does not shift every row after it.
  english_ids = english.tables.flat_map(&:rows).to_h { |row| [row.cells.first, row.ids] }
  page.tables.flat_map(&:rows).each do |row|
    code = row.cells.first
    next if !english_ids.key?(code) || row.ids == english_ids[code]

    problems << "#{page.path}: #{code}: anchors #{row.ids.inspect}, #{english.path} has #{english_ids[code].inspect}"
  end
end

# The one line a page's report starts with.
def summary(page)
  codes = codes_of(page)
  anchors = page.tables.sum { |table| table.rows.count { |row| row.ids.size == 1 } }
  "#{page.path}: #{page.tables.size} tables, #{codes.map(&:size).join(' + ')} codes, #{anchors} anchored rows, #{page.ids.size} ids"
end

# Runs every check; the exit status: 0 when all pass, 1 on a problem, 2 on bad usage.
def main(args)
  if args.size < 2
    warn 'usage: ruby kramdown_check.rb SPEC ENGLISH_PAGE [TRANSLATED_PAGE...]'
    return 2
  end
  spec, english, *translated = args.map { |path| render(path) }
  problems = []
  # A warning (an unclosed tag, say) means the site may not render what the page says.
  [spec, english, *translated].each do |page|
    page.warnings.each { |warning| problems << "#{page.path}: kramdown warns: #{warning}" }
  end
  check_against_spec(spec, english, problems)
  ([english] + translated).each { |page| check_anchors(page, problems) }
  translated.each { |page| check_translation(english, page, problems) }

  report = lambda do |page, claim|
    failed = problems.any? { |problem| problem.start_with?("#{page.path}:") }
    puts failed ? "FAIL #{summary(page)}: see below" : "ok   #{summary(page)}; #{claim}"
  end
  report.call(spec, 'the spec')
  report.call(english, "tables equal the spec's but for the #{TYPO_FIXES.size} typo fixes; one anchor per row, ids unique")
  translated.each do |page|
    report.call(page, "code column and anchors as #{english.path}; ids unique")
  end
  return 0 if problems.empty?

  warn "\nkramdown_check: #{problems.size} problem(s):"
  problems.each { |problem| warn "  #{problem}" }
  1
rescue SystemCallError => e
  warn "kramdown_check: #{e.message}"
  1
end

exit main(ARGV)
