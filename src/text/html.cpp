#include "text/html.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <iterator>
#include <memory>
#include <mutex>
#include <vector>

namespace truce::text {
namespace {

// Elements whose content is never readable text.
constexpr std::string_view kDroppedElements[] = {
    "script", "style", "noscript", "template", "iframe",   "svg",    "form",
    "nav",    "aside", "button",   "select",   "textarea", "object", "embed",
    "canvas", "audio", "video",    "map",      "head",     "title",  "dialog",
};
// Page furniture; inside the chosen <article> or <main> a <header> holds the
// headline and date and is kept.
constexpr std::string_view kPageFurniture[] = {
    "header",
    "footer",
};

// class/id tokens (split at anything but letters and digits, lower-cased)
// that mark navigation, sharing, comments, advertising and similar blocks.
constexpr std::string_view kBoilerplateTokens[] = {
    "nav",     "navbar",   "navigation", "menu",      "footer",        "sidebar",
    "share",   "sharing",  "social",     "cookie",    "cookies",       "consent",
    "comment", "comments", "related",    "advert",    "advertisement", "ads",
    "ad",      "promo",    "newsletter", "subscribe", "breadcrumb",    "breadcrumbs",
    "banner",  "popup",    "modal",      "toolbar",   "skip",          "hidden",
};
// ARIA landmark roles of page furniture.
constexpr std::string_view kBoilerplateRoles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
};

// Elements that end a paragraph, and those that end a line.
constexpr std::string_view kParagraphElements[] = {
    "p",          "h1",      "h2",     "h3",         "h4",    "h5",      "h6",      "div",
    "blockquote", "pre",     "figure", "figcaption", "table", "ul",      "ol",      "dl",
    "section",    "article", "main",   "header",     "hr",    "address", "details", "summary",
};
constexpr std::string_view kLineElements[] = {
    "br", "li", "tr", "dt", "dd", "caption",
};
constexpr std::string_view kCellElements[] = {
    "td",
    "th",
};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

std::string_view name_of(const xmlNode* node) {
  return view(node->name);
}

struct XmlFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

bool has_attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (view(attr->name) == name) {
      return true;
    }
  }
  return false;
}

// The attribute's value when it is plain text (libxml2 stores entity-free
// values as one text child), else "".
std::string_view attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (view(attr->name) == name && attr->children != nullptr) {
      return view(attr->children->content);
    }
  }
  return {};
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return result;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool has_boilerplate_token(std::string_view value) {
  const std::string text = lower(value);
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && !is_ascii_alnum(text[at])) {
      ++at;
    }
    std::size_t end = at;
    while (end < text.size() && is_ascii_alnum(text[end])) {
      ++end;
    }
    if (end > at && contains(kBoilerplateTokens, std::string_view(text).substr(at, end - at))) {
      return true;
    }
    at = end;
  }
  return false;
}

bool is_boilerplate(const xmlNode* node) {
  return has_boilerplate_token(attribute(node, "class")) ||
         has_boilerplate_token(attribute(node, "id")) ||
         contains(kBoilerplateRoles, lower(attribute(node, "role"))) ||
         attribute(node, "aria-hidden") == "true" || has_attribute(node, "hidden");
}

bool is_html_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Text with HTML whitespace collapsed and break levels between blocks.
class TextBuilder {
 public:
  enum Break { kNone = 0, kSpace = 1, kLine = 2, kParagraph = 3 };

  void add_break(Break level) { pending_ = std::max(pending_, level); }

  void add_text(std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
      const auto c = static_cast<unsigned char>(text[at]);
      if (is_html_space(c)) {
        add_break(kSpace);
        ++at;
      } else if (c == 0xC2 && at + 1 < text.size() &&
                 static_cast<unsigned char>(text[at + 1]) == 0xA0) {
        add_break(kSpace);  // no-break space
        at += 2;
      } else {
        flush();
        out_.push_back(static_cast<char>(c));
        ++at;
      }
    }
  }

  std::string take() && { return std::move(out_); }
  bool empty() const { return out_.empty(); }

 private:
  void flush() {
    if (!out_.empty()) {
      switch (pending_) {
        case kNone: break;
        case kSpace: out_ += ' '; break;
        case kLine: out_ += '\n'; break;
        case kParagraph: out_ += "\n\n"; break;
      }
    }
    pending_ = kNone;
  }

  std::string out_;
  Break pending_ = kNone;
};

class Extractor {
 public:
  // `content` is the chosen <article>/<main>, or nullptr when the body is used.
  explicit Extractor(const xmlNode* content) : content_(content) {}

  std::string text_of(const xmlNode* root) && {
    walk(root, root == content_);
    return std::move(builder_).take();
  }

 private:
  void walk(const xmlNode* node, bool inside_content) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        builder_.add_text(view(child->content));
      } else if (child->type == XML_ELEMENT_NODE) {
        element(child, inside_content || child == content_);
      }
    }
  }

  void element(const xmlNode* node, bool inside_content) {
    const std::string name = lower(name_of(node));
    if (contains(kDroppedElements, name)) {
      return;
    }
    if (node != content_) {
      if (contains(kPageFurniture, name) && !(inside_content && name == "header")) {
        return;
      }
      if (name != "article" && name != "main" && is_boilerplate(node)) {
        return;
      }
    }
    const TextBuilder::Break level = contains(kParagraphElements, name) ? TextBuilder::kParagraph
                                     : contains(kLineElements, name)    ? TextBuilder::kLine
                                     : contains(kCellElements, name)    ? TextBuilder::kSpace
                                                                        : TextBuilder::kNone;
    builder_.add_break(level);
    walk(node, inside_content);
    builder_.add_break(level);
  }

  const xmlNode* content_;
  TextBuilder builder_;
};

std::string collapsed(std::string_view text) {
  TextBuilder builder;
  builder.add_text(text);
  return std::move(builder).take();
}

// Depth-first search for elements.
template <typename Visit>
void for_each_element(const xmlNode* node, const Visit& visit) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      if (!visit(child)) {
        continue;  // the visitor does not want its descendants
      }
      for_each_element(child, visit);
    }
  }
}

std::string text_content(const xmlNode* node) {
  const XmlString content(xmlNodeGetContent(node));
  return collapsed(view(content.get()));
}

// "datePublished": "2021-11-21T10:00:00Z" in JSON-LD, without a JSON parser:
// the value is a plain string.
std::string json_ld_date(std::string_view script) {
  constexpr std::string_view kKey = "\"datePublished\"";
  const std::size_t key = script.find(kKey);
  if (key == std::string_view::npos) {
    return {};
  }
  std::size_t at = script.find_first_not_of(" \t\r\n", key + kKey.size());
  if (at == std::string_view::npos || script[at] != ':') {
    return {};
  }
  at = script.find_first_not_of(" \t\r\n", at + 1);
  if (at == std::string_view::npos || script[at] != '"') {
    return {};
  }
  const std::size_t end = script.find('"', at + 1);
  return end == std::string_view::npos ? std::string()
                                       : std::string(script.substr(at + 1, end - at - 1));
}

struct Metadata {
  std::string og_title;
  std::string title;
  std::string first_h1;
  std::string canonical;
  std::string og_url;
  // Candidates for the publication date, best first.
  std::string published_meta;      // article:published_time
  std::string published_itemprop;  // itemprop="datePublished"
  std::string published_json_ld;
  std::string published_other_meta;  // pubdate, publishdate, date, DC.date.issued
  std::string published_time;        // the first <time datetime>
};

void read_metadata(const xmlNode* root, Metadata& meta, HtmlDocument& document) {
  for_each_element(root, [&](const xmlNode* node) {
    const std::string name = lower(name_of(node));
    if (name == "meta") {
      const std::string key =
          lower(!attribute(node, "property").empty() ? attribute(node, "property")
                : !attribute(node, "name").empty()   ? attribute(node, "name")
                                                     : attribute(node, "itemprop"));
      const std::string content = collapsed(attribute(node, "content"));
      if (content.empty()) {
        return false;
      }
      if (key == "og:title" && meta.og_title.empty()) {
        meta.og_title = content;
      } else if (key == "og:site_name" && document.site_name.empty()) {
        document.site_name = content;
      } else if (key == "og:url" && meta.og_url.empty()) {
        meta.og_url = content;
      } else if (key == "article:published_time" && meta.published_meta.empty()) {
        meta.published_meta = content;
      } else if (key == "datepublished" && meta.published_itemprop.empty()) {
        meta.published_itemprop = content;
      } else if ((key == "pubdate" || key == "publishdate" || key == "date" ||
                  key == "dc.date.issued" || key == "dcterms.issued") &&
                 meta.published_other_meta.empty()) {
        meta.published_other_meta = content;
      }
      return false;
    }
    if (name == "title" && meta.title.empty()) {
      meta.title = text_content(node);
      return false;
    }
    if (name == "link" && meta.canonical.empty() && lower(attribute(node, "rel")) == "canonical") {
      meta.canonical = collapsed(attribute(node, "href"));
      return false;
    }
    if (name == "script") {
      if (lower(attribute(node, "type")) == "application/ld+json" &&
          meta.published_json_ld.empty()) {
        const XmlString content(xmlNodeGetContent(node));
        meta.published_json_ld = json_ld_date(view(content.get()));
      }
      return false;
    }
    if (name == "time" && meta.published_time.empty()) {
      meta.published_time = collapsed(attribute(node, "datetime"));
    }
    if (meta.published_itemprop.empty() && attribute(node, "itemprop") == "datePublished") {
      const std::string_view value = !attribute(node, "datetime").empty()
                                         ? attribute(node, "datetime")
                                         : attribute(node, "content");
      meta.published_itemprop = collapsed(value);
    }
    if (name == "h1" && meta.first_h1.empty()) {
      meta.first_h1 = text_content(node);
    }
    return true;
  });
}

const xmlNode* child_element(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && lower(name_of(child)) == name) {
      return child;
    }
  }
  return nullptr;
}

// The <article> with the most text, else the first <main> (or role=main).
const xmlNode* content_element(const xmlNode* body) {
  const xmlNode* best_article = nullptr;
  std::size_t best_length = 0;
  const xmlNode* main = nullptr;
  for_each_element(body, [&](const xmlNode* node) {
    const std::string name = lower(name_of(node));
    if (name == "article") {
      const std::size_t length = Extractor(node).text_of(node).size();
      if (length > best_length) {
        best_article = node;
        best_length = length;
      }
    } else if (main == nullptr && (name == "main" || lower(attribute(node, "role")) == "main")) {
      main = node;
    }
    return !contains(kDroppedElements, name);
  });
  return best_article != nullptr ? best_article : main;
}

std::string first_non_empty(std::initializer_list<const std::string*> candidates) {
  for (const std::string* candidate : candidates) {
    if (!candidate->empty()) {
      return *candidate;
    }
  }
  return {};
}

void init_parser() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

Result<HtmlDocument> html_to_text(std::string_view html) {
  if (std::all_of(html.begin(), html.end(),
                  [](char c) { return is_html_space(static_cast<unsigned char>(c)); })) {
    return make_error(ErrorCode::kInvalidInput, "the HTML document is empty", "text.html");
  }
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    return make_error(ErrorCode::kInvalidInput, "the HTML document is larger than 2 GiB",
                      "text.html");
  }
  init_parser();
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  // The input is UTF-8 (checked on intake) whatever its <meta charset> says.
  const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kOptions),
      xmlFreeDoc);
  const xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc.get());
  if (root == nullptr) {
    return make_error(ErrorCode::kInvalidInput, "the HTML document has no elements", "text.html");
  }

  HtmlDocument document;
  document.language = collapsed(attribute(root, "lang"));
  Metadata meta;
  read_metadata(root, meta, document);
  document.title = first_non_empty({&meta.og_title, &meta.title, &meta.first_h1});
  document.url = first_non_empty({&meta.canonical, &meta.og_url});
  document.published =
      first_non_empty({&meta.published_meta, &meta.published_itemprop, &meta.published_json_ld,
                       &meta.published_other_meta, &meta.published_time});

  const xmlNode* body = child_element(root, "body");
  const xmlNode* start = body != nullptr ? body : root;
  const xmlNode* content = content_element(start);
  if (content != nullptr) {
    document.text = Extractor(content).text_of(content);
  }
  if (document.text.empty()) {
    document.text = Extractor(nullptr).text_of(start);
  }
  return document;
}

}  // namespace truce::text
