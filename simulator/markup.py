"""Serve the same screen in another markup: renamed ids and classes, no data-*, extra wrappers, equivalent elements."""

import functools
import hashlib
import re

# Beautiful Soup loads on the first transform: with --markup default the simulator never imports it.
BeautifulSoup = Comment = NavigableString = Tag = None

MARKUPS = ("default", "random")

# Attributes whose value is a list of element ids.
IDREF_ATTRS = (
    "for", "form", "list", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
    "aria-activedescendant", "aria-flowto", "aria-details", "aria-errormessage", "popovertarget", "commandfor",
    "anchor",
)
# Attributes whose value may be a same-document fragment "#id".
FRAGMENT_ATTRS = ("href", "xlink:href", "usemap")
_URL_FRAGMENT = re.compile(r"url\(\s*(['\"]?)#([^'\")\s]+)\1\s*\)")

CONTROLS = ("input", "select", "textarea")
NOT_LABELLED = ("hidden", "submit", "reset", "button", "image")
FLOW_PARENTS = frozenset({
    "body", "main", "section", "article", "div", "form", "fieldset", "header", "footer", "nav", "aside", "li", "dd",
    "td", "th", "details", "dialog", "blockquote", "figure",
})
BLOCKS = frozenset({
    "p", "section", "form", "ul", "ol", "table", "dl", "fieldset", "article", "nav", "header", "main", "footer",
    "aside", "h1", "h2", "h3", "h4", "h5", "h6", "div",
})
WRAPPED_INLINE = frozenset({"input", "select", "textarea", "button", "a"})
TABLE_PARTS = frozenset({"rowgroup", "row", "cell", "gridcell", "columnheader", "rowheader"})
ROW_CONTAINERS = frozenset({"table", "grid", "treegrid", "rowgroup", "row"})
PHRASING = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "button", "cite", "code", "data", "dfn", "em", "i", "img", "input", "kbd",
    "label", "mark", "meter", "output", "progress", "q", "s", "samp", "select", "small", "span", "strong", "sub",
    "sup", "textarea", "time", "u", "var", "wbr",
})
PRESENTATIONAL_TABLE_ATTRS = ("border", "cellpadding", "cellspacing", "summary", "width", "align", "bgcolor", "frame",
                              "rules")
TABLE_GROUPS = ("thead", "tbody", "tfoot")
# Classes of the grid's divs (renamed like every class) and the rules that lay them out as a table.
GRID_CSS = (
    "\n.markup-grid { display: table; border-collapse: collapse; width: 100%; margin-top: 1rem; }"
    "\n.markup-grid-caption { margin-top: 1rem; }"
    "\n.markup-grid-thead { display: table-header-group; }"
    "\n.markup-grid-tbody { display: table-row-group; }"
    "\n.markup-grid-tfoot { display: table-footer-group; }"
    "\n.markup-grid-row { display: table-row; }"
    "\n.markup-grid-cell { display: table-cell; border: 1px solid #c4ccd6; padding: .4rem; text-align: left;"
    " vertical-align: top; }"
    "\n.markup-grid-header { font-weight: 600; }\n"
)


class Choices:
    """Deterministic choices for one seed and one page (key): seed-wide policies and per-element picks."""

    def __init__(self, seed, key):
        self.seed, self.key = seed, key

    def _unit(self, *parts):
        digest = hashlib.blake2b("\0".join(map(str, (self.seed, *parts))).encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") / 2**64

    def variant(self, kind, index, options):
        """One of options: the seed's policy for this kind, or (policy 'mixed') a pick for this element."""
        policies = (*options, "mixed")
        policy = policies[int(self._unit("policy", kind) * len(policies))]
        if policy != "mixed":
            return policy
        return options[int(self._unit(self.key, kind, index) * len(options))]

    def chance(self, kind, index, probability):
        """True for about this share of the elements."""
        return self._unit(self.key, kind, index) < probability

    def among(self, kind, options):
        """One of options for the whole seed."""
        return options[int(self._unit("among", kind) * len(options))]

    def name(self, kind, original):
        """The new name of an id (kind 'i') or a class (kind 'c'): the same for the same seed everywhere."""
        prefixes = ("x", "k", "el", "n", "v", "w")
        prefix = prefixes[int(self._unit("prefix", kind) * len(prefixes))] + ("" if kind == "i" else "c")
        digest = hashlib.blake2b(f"{self.seed}\0{kind}\0{original}".encode(), digest_size=5).hexdigest()
        return f"{prefix}{digest}"


def transform(html, seed, key=""):
    """The same page in the markup of this seed; key (the request path) varies per-element choices."""
    _load_parser()
    soup = BeautifulSoup(html, "html.parser")
    choices = Choices(seed, key)
    _definition_lists(soup, choices)
    _tables(soup, choices)
    _labels(soup, choices)
    _submit_buttons(soup, choices)
    _wrappers(soup, choices)
    _rename(soup, choices)
    return soup.decode(formatter="minimal")


def _load_parser():
    global BeautifulSoup, Comment, NavigableString, Tag
    if BeautifulSoup is None:
        from bs4 import BeautifulSoup, Comment, NavigableString, Tag


# -- helpers -----------------------------------------------------------------------------------------------------


def _blank(node):
    return isinstance(node, Comment) or (isinstance(node, NavigableString) and not node.strip())


def _next_element_sibling(node):
    """The next sibling when only whitespace or comments lie between, else None."""
    sibling = node.next_sibling
    while sibling is not None and _blank(sibling):
        sibling = sibling.next_sibling
    return sibling if isinstance(sibling, Tag) else None


def _previous_element_sibling(node):
    sibling = node.previous_sibling
    while sibling is not None and _blank(sibling):
        sibling = sibling.previous_sibling
    return sibling if isinstance(sibling, Tag) else None


def _text(tag):
    return " ".join(tag.get_text(" ").split())


def _unique_id(soup, base):
    taken = {tag["id"] for tag in soup.find_all(id=True)}
    number = 1
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _move_children(source, target):
    for child in list(source.contents):
        target.append(child.extract())


def _add_class(tag, *names):
    current = tag.get("class", [])
    tag["class"] = [*(current if isinstance(current, list) else current.split()), *names]


def _add_css(soup, css):
    """Append rules to the page's first <style> (a new one in <head> when there is none)."""
    style = soup.find("style")
    if style is None:
        style = soup.new_tag("style")
        (soup.find("head") or soup).append(style)
    style.string = (style.string or "") + css


def _ancestor_names(tag):
    return {parent.name for parent in tag.parents if isinstance(parent, Tag)}


# -- definition lists: <dl> or labelled paragraphs --------------------------------------------------------------


def _dl_pairs(dl):
    """[(dt, dd)] of a simple list (one dd per dt, optionally grouped in divs), else None."""
    items = []
    for child in dl.children:
        if _blank(child):
            continue
        if not isinstance(child, Tag):
            return None
        if child.name == "div" and not child.attrs:
            for inner in child.children:
                if _blank(inner):
                    continue
                if not isinstance(inner, Tag):
                    return None
                items.append(inner)
        else:
            items.append(child)
    if not items or len(items) % 2 or any(tag.name not in ("dt", "dd") for tag in items):
        return None
    pairs = list(zip(items[::2], items[1::2], strict=True))
    if any(dt.name != "dt" or dd.name != "dd" for dt, dd in pairs):
        return None
    return pairs


def _phrasing_only(tag):
    return all(child.name in PHRASING for child in tag.find_all(True))


def _definition_lists(soup, choices):
    for index, dl in enumerate(soup.find_all("dl")):
        style = choices.variant("dl", index, ("dl", "span", "plain"))
        pairs = _dl_pairs(dl) if style != "dl" else None
        if not pairs:
            continue
        container = soup.new_tag("div", attrs=dict(dl.attrs))
        for dt, dd in pairs:
            paragraph = soup.new_tag("p" if _phrasing_only(dt) and _phrasing_only(dd) else "div")
            label_text = _text(dt)
            if style == "span" or dt.attrs:
                label = soup.new_tag("span", attrs=dict(dt.attrs))
                _move_children(dt, label)
                paragraph.append(label)
            else:
                _move_children(dt, paragraph)
            paragraph.append(" " if label_text.endswith(":") else ": ")
            if dd.attrs:
                value = soup.new_tag("span" if paragraph.name == "p" else "div", attrs=dict(dd.attrs))
                _move_children(dd, value)
                paragraph.append(value)
            else:
                _move_children(dd, paragraph)
            container.append("\n")
            container.append(paragraph)
        container.append("\n")
        dl.replace_with(container)


# -- tables: <table> or an ARIA grid of divs ----------------------------------------------------------------------


def _table_rows(table):
    """[(group tag or None, [tr])] in document order, or None when the table holds anything unexpected."""
    groups = []
    for child in table.children:
        if _blank(child):
            continue
        if not isinstance(child, Tag):
            return None
        if child.name in TABLE_GROUPS:
            rows = [row for row in child.children if not _blank(row)]
            if any(not isinstance(row, Tag) or row.name != "tr" for row in rows):
                return None
            groups.append((child, rows))
        elif child.name == "tr":
            groups.append((None, [child]))
        elif child.name not in ("caption", "colgroup", "col"):
            return None
    for _group, rows in groups:
        for row in rows:
            if any(not _blank(cell) and (not isinstance(cell, Tag) or cell.name not in ("td", "th"))
                   for cell in row.children):
                return None
    return groups


def _cell_role(cell, group, row):
    scope = cell.get("scope", "").lower()
    if cell.name == "td":
        return "cell"
    if scope in ("row", "rowgroup"):
        return "rowheader"
    if scope in ("col", "colgroup") or (group is not None and group.name == "thead"):
        return "columnheader"
    return "columnheader" if all(cell.name == "th" for cell in row.find_all(("td", "th"), recursive=False)) \
        else "rowheader"


def _grid_cell(soup, cell, role):
    attrs = {key: value for key, value in cell.attrs.items() if key not in ("scope", "headers", "colspan", "rowspan")}
    div = soup.new_tag("div", attrs={**attrs, "role": role})
    for span, aria in (("colspan", "aria-colspan"), ("rowspan", "aria-rowspan")):
        if cell.get(span, "1").strip() not in ("", "1"):
            div[aria] = cell[span].strip()
    _add_class(div, "markup-grid-cell", *(("markup-grid-header",) if role != "cell" else ()))
    _move_children(cell, div)
    return div


def _grid_row(soup, row, group):
    div = soup.new_tag("div", attrs={**row.attrs, "role": "row"})
    _add_class(div, "markup-grid-row")
    for cell in list(row.children):
        if isinstance(cell, Tag):
            div.append(_grid_cell(soup, cell, _cell_role(cell, group, row)))
        else:
            div.append(cell.extract())
    return div


def _tables(soup, choices):
    tables, converted = soup.find_all("table"), False
    for index, table in reversed(list(enumerate(tables))):
        if choices.variant("table", index, ("table", "grid")) != "grid" or not table.find("th"):
            continue
        groups = _table_rows(table)
        if groups is None:
            continue
        attrs = {key: value for key, value in table.attrs.items() if key not in PRESENTATIONAL_TABLE_ATTRS}
        grid = soup.new_tag("div", attrs={**attrs, "role": "table"})
        _add_class(grid, "markup-grid")
        caption = table.find("caption", recursive=False)
        caption_div = None
        if caption is not None:
            caption_div = soup.new_tag("div", attrs=dict(caption.attrs))
            _add_class(caption_div, "markup-grid-caption")
            _move_children(caption, caption_div)
            if not ({"aria-label", "aria-labelledby"} & set(grid.attrs)):
                if choices.variant("caption", index, ("labelledby", "label")) == "label":
                    grid["aria-label"] = _text(caption_div)
                else:
                    caption_div["id"] = caption_div.get("id") or _unique_id(soup, "caption")
                    grid["aria-labelledby"] = caption_div["id"]
        for group, rows in groups:
            parent = grid
            if group is not None:
                parent = soup.new_tag("div", attrs={**group.attrs, "role": "rowgroup"})
                _add_class(parent, f"markup-grid-{group.name}")
                grid.append("\n")
                grid.append(parent)
            for row in rows:
                parent.append("\n")
                parent.append(_grid_row(soup, row, group))
            parent.append("\n")
        if caption_div is not None:
            table.insert_before(caption_div)
            table.insert_before("\n")
        table.replace_with(grid)
        converted = True
    if converted:
        _add_css(soup, GRID_CSS)


# -- labels: <label for> beside the control, or a label wrapping it -----------------------------------------------


def _labelled_control(tag):
    return (isinstance(tag, Tag) and tag.name in CONTROLS
            and not (tag.name == "input" and tag.get("type", "text").lower() in NOT_LABELLED))


def _labels(soup, choices):
    ids = {}
    for tag in soup.find_all(id=True):
        ids.setdefault(tag["id"], tag)
    for index, label in enumerate(soup.find_all("label")):
        wanted = choices.variant("label", index, ("for", "wrap"))
        inner = [tag for tag in label.find_all(True) if tag.name in CONTROLS or tag.name == "button"]
        if label.get("for") and not inner and wanted == "wrap":
            control = ids.get(label["for"])
            if not _labelled_control(control):
                continue
            if _next_element_sibling(label) is control:
                del label["for"]
                label.append(" ")
                label.append(control.extract())
            elif _previous_element_sibling(label) is control:
                del label["for"]
                label.insert(0, control.extract())
                label.insert(1, " ")
        elif not label.get("for") and len(inner) == 1 and wanted == "for":
            control = inner[0]
            children = [child for child in label.contents if not _blank(child)]
            if not _labelled_control(control) or not (control is children[0] or control is children[-1]):
                continue
            if not control.get("id"):
                control["id"] = _unique_id(soup, "field")
                ids[control["id"]] = control
            last = control is children[-1]
            control.extract()
            if last:
                label.insert_after(control)
                label.insert_after("\n")
            else:
                label.insert_before(control)
                label.insert_before("\n")
            label["for"] = control["id"]
            _strip_edge_space(label)


def _strip_edge_space(label):
    """No blank left at the edges of a label's text after its control moved out."""
    for edge, strip in ((0, str.lstrip), (-1, str.rstrip)):
        child = label.contents[edge] if label.contents else None
        if isinstance(child, NavigableString) and not isinstance(child, Comment):
            if strip(str(child)):
                child.replace_with(strip(str(child)))
            else:
                child.extract()


# -- submit buttons: <button type=submit> or <input type=submit> --------------------------------------------------


def _submit_buttons(soup, choices):
    candidates = [tag for tag in soup.find_all(("button", "input"))
                  if tag.get("type", "submit" if tag.name == "button" else "text").lower() == "submit"
                  and not tag.has_attr("name")]
    for index, tag in enumerate(candidates):
        wanted = choices.variant("submit", index, ("button", "input"))
        if tag.name == "button" and wanted == "input" and not tag.find(True) and _text(tag):
            attrs = {key: value for key, value in tag.attrs.items() if key not in ("type", "value")}
            tag.replace_with(soup.new_tag("input", attrs={"type": "submit", **attrs, "value": _text(tag)}))
        elif tag.name == "input" and wanted == "button" and tag.get("value", "").strip():
            attrs = {key: value for key, value in tag.attrs.items() if key not in ("type", "value")}
            button = soup.new_tag("button", attrs={"type": "submit", **attrs})
            button.string = tag["value"]
            tag.replace_with(button)


# -- wrappers: <div> around some blocks, <span> around some controls and links -----------------------------------


def _wrappable_parent(tag):
    parent = tag.parent
    return (isinstance(parent, Tag) and parent.name in FLOW_PARENTS
            and parent.get("role", "").lower() not in ROW_CONTAINERS)


def _wrappers(soup, choices):
    body = soup.find("body")
    if body is None:
        return
    density = choices.among("density", (0.15, 0.3, 0.5))
    for index, tag in enumerate(list(body.find_all(True))):
        if tag.get("role", "").lower() in TABLE_PARTS or not choices.chance("wrap", index, density):
            continue
        if tag.name in BLOCKS and _wrappable_parent(tag) and not ({"p", "button", "a", "label"} & _ancestor_names(tag)):
            wrapper = "div"
        elif tag.name in WRAPPED_INLINE and not (tag.name == "input" and tag.get("type", "").lower() == "hidden") \
                and not ({"select", "datalist", "button", "a"} & _ancestor_names(tag)) \
                and tag.parent.name not in ("table", "thead", "tbody", "tfoot", "tr", "colgroup"):
            wrapper = "span"
        else:
            continue
        depth = 2 if choices.chance("wrap-depth", index, 0.25) else 1
        for _ in range(depth):
            tag.wrap(soup.new_tag(wrapper))


# -- names: ids and classes renamed, data-* removed ---------------------------------------------------------------


def _rename(soup, choices):
    def new_id(value):
        return choices.name("i", value)

    for tag in soup.find_all(True):
        for attr in list(tag.attrs):
            value = tag.attrs[attr]
            if attr.startswith("data-"):
                del tag.attrs[attr]
            elif attr == "id":
                tag[attr] = new_id(value)
            elif attr == "class":
                classes = value if isinstance(value, list) else value.split()
                tag[attr] = [choices.name("c", name) for name in classes]
            elif attr in IDREF_ATTRS:
                tokens = value if isinstance(value, list) else value.split()
                tag[attr] = " ".join(new_id(token) for token in tokens)
            elif attr in FRAGMENT_ATTRS and isinstance(value, str) and value.startswith("#") and len(value) > 1:
                tag[attr] = "#" + new_id(value[1:])
            elif isinstance(value, str) and "url(" in value and attr != "style":
                tag[attr] = _URL_FRAGMENT.sub(lambda m: f"url({m[1]}#{new_id(m[2])}{m[1]})", value)
    for style in soup.find_all("style"):
        if style.string:
            style.string = _renamed_stylesheet(str(style.string), choices.seed)


_CSS_TOKEN = re.compile(r"/\*.*?(?:\*/|$)|\"(?:\\.|[^\"\\])*\"?|'(?:\\.|[^'\\])*'?|[{};]", re.S)
_NESTING_AT_RULES = ("@media", "@supports", "@container", "@layer", "@document")


def rename_css(css, rename_id, rename_class):
    """The stylesheet with #id and .class in its selectors renamed; declarations stay as they are."""
    out, prelude, stack, last = [], [], [], 0
    for match in _CSS_TOKEN.finditer(css):
        in_rules = not stack or stack[-1] == "rules"
        token = match.group()
        (prelude if in_rules else out).append(css[last:match.start()])
        last = match.end()
        if token not in ("{", "}", ";"):  # a comment or a string
            (prelude if in_rules else out).append(token)
        elif in_rules:
            text, prelude = "".join(prelude), []
            bare = re.sub(r"/\*.*?\*/", "", text, flags=re.S).strip().lower()
            if token == "{" and bare.startswith("@"):
                nested = bare.split()[0] in _NESTING_AT_RULES
                stack.append("rules" if nested else "raw")
                out.append(text + token)
            elif token == "{":
                stack.append("decls")
                out.append(_rename_selector(text, rename_id, rename_class) + token)
            else:
                out.append(text + token)
                if token == "}" and stack:
                    stack.pop()
        else:
            if token == "{":
                stack.append(stack[-1])
            elif token == "}":
                stack.pop()
            out.append(token)
    out.append("".join(prelude) + css[last:])
    return "".join(out)


@functools.lru_cache(maxsize=32)
def _renamed_stylesheet(css, seed):
    """The same stylesheet on every page: renamed once per seed."""
    choices = Choices(seed, "")
    return rename_css(css, lambda name: choices.name("i", name), lambda name: choices.name("c", name))


_IDENT = re.compile(r"-?(?:[A-Za-z_]|[^\x00-\x7f]|\\.)(?:[A-Za-z0-9_-]|[^\x00-\x7f]|\\.)*")


def _rename_selector(text, rename_id, rename_class):
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            out.append(text[i:end])
            i = end
        elif char in "\"'":
            end = text.find(char, i + 1)
            end = len(text) if end < 0 else end + 1
            out.append(text[i:end])
            i = end
        elif char == "[":
            end = text.find("]", i)
            end = len(text) if end < 0 else end + 1
            out.append(text[i:end])
            i = end
        elif char in "#." and (match := _IDENT.match(text, i + 1)):
            out.append(char + (rename_id if char == "#" else rename_class)(match.group()))
            i = match.end()
        else:
            out.append(char)
            i += 1
    return "".join(out)
