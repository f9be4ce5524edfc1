#include <algorithm>
#include <chrono>

#include "extract/actors.hpp"
#include "extract/detail/analysis.hpp"
#include "extract/detail/assemble.hpp"
#include "extract/detail/document_parts.hpp"
#include "extract/detail/frames.hpp"
#include "extract/extraction.hpp"
#include "extract/gazetteer.hpp"
#include "extract/matcher.hpp"
#include "text/language.hpp"
#include "text/normalize.hpp"

namespace truce::extract {

using detail::Analysis;
using detail::Draft;
using detail::Range;

struct Extractor::Impl {
  ExtractorOptions options;
  Lexicon lexicon;
  Gazetteer places;
  ActorRegistry actors;
  std::optional<Matcher> matcher;

  // The actor a publisher's name (as an envelope or a page gives it) names.
  // "Ministry of Defence of Azerbaijan (Russian version)" names it too.
  const Actor* find_actor_named(std::string_view name) const {
    // "X (x.com)", "X, as republished by Y": the publisher is X.
    for (std::string_view candidate :
         {name, name.substr(0, name.find(" (")), name.substr(0, name.find(", "))}) {
      const std::string form = text::matching_form(candidate);
      for (const LexiconEntry& entry : matcher->lexicon().entries()) {
        if (entry.category == "actor" && entry.phrase == form) {
          return actors.find(entry.value);
        }
      }
    }
    return nullptr;
  }
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::load(const std::filesystem::path& data_dir, ExtractorOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (Status loaded = impl->lexicon.load_directory(data_dir / "lexicon"); !loaded) {
    return loaded.error();
  }
  auto places = Gazetteer::load(data_dir, impl->lexicon);
  if (!places) {
    return std::move(places).error();
  }
  impl->places = std::move(places).value();
  auto actors = ActorRegistry::load(data_dir, impl->lexicon);
  if (!actors) {
    return std::move(actors).error();
  }
  impl->actors = std::move(actors).value();
  auto matcher = Matcher::compile(impl->lexicon);
  if (!matcher) {
    return std::move(matcher).error();
  }
  impl->matcher.emplace(std::move(matcher).value());
  return Extractor(std::move(impl));
}

const Gazetteer& Extractor::gazetteer() const {
  return impl_->places;
}
const ActorRegistry& Extractor::actors() const {
  return impl_->actors;
}

std::string_view to_string(SetAsideReason reason) {
  switch (reason) {
    case SetAsideReason::kHistorical: return "historical";
    case SetAsideReason::kBackground: return "background";
    case SetAsideReason::kNegated: return "negated";
    case SetAsideReason::kHypothetical: return "hypothetical";
    case SetAsideReason::kHeadlineRepeat: return "headline_repeat";
    case SetAsideReason::kRepeat: return "repeat";
  }
  return "background";
}

namespace {

// A statement dated before the events told around it ("before Baku announced
// on 19 September that it took control") is not of those events.
bool said_before(const DateMention* statement, const DateMention* context) {
  return statement != nullptr && context != nullptr &&
         statement->time.end.date < context->time.start.date;
}

long days_between(const CivilTime& from, const CivilTime& to) {
  return (std::chrono::sys_days(to.date) - std::chrono::sys_days(from.date)).count();
}

// A claim the text gives no day for, dated by the day its page was published.
void date_by_publication(Claim& claim, const CivilTime& published, std::string wording) {
  claim.time.start = claim.time.end = published;
  claim.time.precision = TimePrecision::kDay;
  claim.time_basis.basis = DateBasis::kAnnouncement;
  claim.time_basis.wording = std::move(wording);
}

// "ar", "en-GB", "zh-Hant": a hint that can stand as the document's language.
bool looks_like_language_tag(std::string_view tag) {
  const std::size_t primary = tag.find('-');
  const std::string_view head = tag.substr(0, primary);
  if (head.size() < 2 || head.size() > 3) {
    return false;
  }
  for (char c : tag) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) {
      return false;
    }
  }
  return tag.back() != '-';
}

bool compatible(const Claim& a, const Claim& b) {
  return detail::group_of(a.event_type) == detail::group_of(b.event_type);
}

// Two villages or towns apart: the outlet tells of another place than the
// one quoted ("the shelling of Kansafra", then "a civilian died of an earlier
// air strike on Kafr Uwayd", a village 4 km away), another event.
bool placed_apart(const Claim& a, const Claim& b) {
  constexpr double kSamePlaceKm = 1.0;
  const auto point_of = [](const Claim& claim) -> std::optional<GeoPoint> {
    if (!claim.place || !claim.place->geometry ||
        claim.place->precision > LocationPrecision::kNear ||
        claim.place->geometry->type != GeometryType::kPoint) {
      return std::nullopt;
    }
    return claim.place->geometry->parts.front().front();
  };
  const std::optional<GeoPoint> one = point_of(a);
  const std::optional<GeoPoint> other = point_of(b);
  return one && other && haversine_km(*one, *other) > kSamePlaceKm;
}

// The countries a stretch of the text names: country names, and the countries
// of the actors named there.
std::vector<std::string> countries_named(const detail::Analysis& analysis,
                                         const ActorRegistry& actors, const Gazetteer& places,
                                         detail::Range range) {
  std::vector<std::string> found;
  const auto add = [&](std::string_view country) {
    if (!country.empty() && std::find(found.begin(), found.end(), country) == found.end()) {
      found.emplace_back(country);
    }
  };
  for (const detail::Mention* place : analysis.in(range, "place")) {
    const GazetteerPlace* known = places.find(place->value());
    if (known != nullptr && known->type == "country") {
      for (const std::string& country : known->countries) {
        add(country);
      }
    }
  }
  for (const detail::Mention* mention : analysis.in(range, "actor")) {
    if (const Actor* actor = actors.find(mention->value()); actor != nullptr) {
      add(actor->country);
    }
  }
  return found;
}

// Whether a claim involves one of `countries`: through its claimant, its
// perpetrator, its target, the sides of its figures or its place.
bool involves(const Claim& claim, const std::vector<std::string>& countries,
              const ActorRegistry& actors) {
  const auto listed = [&](std::string_view country) {
    return std::find(countries.begin(), countries.end(), country) != countries.end();
  };
  const auto of_actor = [&](std::string_view id) {
    const Actor* actor = actors.find(id);
    return actor != nullptr && listed(actor->country);
  };
  if (of_actor(claim.claimant.id) || (claim.perpetrator && of_actor(claim.perpetrator->id)) ||
      (claim.target && of_actor(claim.target->id)) ||
      (claim.place && listed(claim.place->country))) {
    return true;
  }
  return std::any_of(claim.casualties.begin(), claim.casualties.end(),
                     [&](const CasualtyFigure& figure) {
                       return figure.side.party && of_actor(figure.side.party->id);
                     });
}

// A headline that names parties or a place repeats a body claim only when it
// shares one of them, and one that names countries (`headline_countries`) only
// a claim that involves one of them: a site's ticker headline about another
// story does not ("ترامب: لست سعيدا بالغارة الإسرائيلية على قطر" over a story
// of the Armenian-Azerbaijani border).
bool headline_repeats(const Claim& headline, const Claim& body,
                      const std::vector<std::string>& headline_countries,
                      const ActorRegistry& actors) {
  if (!headline_countries.empty() && !involves(body, headline_countries, actors)) {
    return false;
  }
  std::vector<std::string> named;
  for (const auto& actor : {headline.perpetrator, headline.target}) {
    if (actor) {
      named.push_back(actor->id);
    }
  }
  for (const CasualtyFigure& figure : headline.casualties) {
    if (figure.side.kind != SideKind::kUnknown) {
      named.push_back(figure.side.id());
    }
  }
  if (named.empty() && !headline.place) {
    return true;
  }
  // The same place: the same name, or the same point of the gazetteer
  // ("Border" in a title-cased headline, "border" in the body).
  if (headline.place && body.place &&
      (headline.place->name == body.place->name ||
       (headline.place->geometry && headline.place->geometry == body.place->geometry))) {
    return true;
  }
  const auto shared = [&](const std::string& id) {
    return std::find(named.begin(), named.end(), id) != named.end();
  };
  if (shared(body.claimant.id) || (body.perpetrator && shared(body.perpetrator->id)) ||
      (body.target && shared(body.target->id))) {
    return true;
  }
  return std::any_of(body.casualties.begin(), body.casualties.end(),
                     [&](const CasualtyFigure& figure) { return shared(figure.side.id()); });
}

// A figure of the headline with the status and the lowest count of one of the body's.
bool same_toll(const Claim& headline, const Claim& body) {
  return std::any_of(headline.casualties.begin(), headline.casualties.end(), [&](const auto& told) {
    return told.count.min > 0 &&
           std::any_of(body.casualties.begin(), body.casualties.end(), [&](const auto& figure) {
             return figure.status == told.status && figure.count.min == told.count.min;
           });
  });
}

// Every figure of `account` is one of `quoted`'s: the same side and status,
// the counts overlapping ("at least five" and "five").
bool retells_the_toll(const Claim& account, const Claim& quoted) {
  return !account.casualties.empty() &&
         std::all_of(account.casualties.begin(), account.casualties.end(), [&](const auto& told) {
           return std::any_of(quoted.casualties.begin(), quoted.casualties.end(),
                              [&](const auto& figure) {
                                return figure.status == told.status && figure.side == told.side &&
                                       (!figure.count.max || told.count.min <= *figure.count.max) &&
                                       (!told.count.max || figure.count.min <= *told.count.max);
                              });
         });
}

// Whether the account gives a figure of a side and status the quoted claim
// does not count (every figure, when the quoted claim gives none).
bool counts_what_it_does_not(const Claim& account, const Claim& quoted) {
  return std::any_of(account.casualties.begin(), account.casualties.end(), [&](const auto& own) {
    return std::none_of(quoted.casualties.begin(), quoted.casualties.end(), [&](const auto& told) {
      return told.side == own.side && told.status == own.status;
    });
  });
}

// The same persons told again: the same side, status and floor, the count
// the same or left open in one telling ("at least six civilians", then "six
// citizens").
bool same_figure(const CasualtyFigure& a, const CasualtyFigure& b) {
  return a.side == b.side && a.status == b.status && a.count.min == b.count.min &&
         (!a.count.max || !b.count.max || *a.count.max == *b.count.max);
}

// The words `from` gives for `from_field` join those of `into`'s `into_field`:
// first when they say it first (a headline), else after.
void join_provenance(Claim& into, std::string_view into_field, const Claim& from,
                     std::string_view from_field, bool first) {
  for (const FieldProvenance& field : from.provenance) {
    if (field.field != from_field) {
      continue;
    }
    for (FieldProvenance& target : into.provenance) {
      if (target.field == into_field) {
        target.spans.insert(first ? target.spans.begin() : target.spans.end(), field.spans.begin(),
                            field.spans.end());
      }
    }
  }
}

// Whether two tellings of an act can be of one day: their days overlap, or
// one is only the day it was announced and the other's falls within the two
// days up to it ("a monitor said on Monday"; "… killed … yesterday").
bool days_meet(const Claim& a, const Claim& b) {
  constexpr int kDaysBeforeTheAnnouncement = 2;
  const auto before_announced = [&](const Claim& announced, const Claim& other) {
    return announced.time_basis.basis == DateBasis::kAnnouncement &&
           other.time.end.date <= announced.time.start.date &&
           days_between(other.time.end, announced.time.start) <= kDaysBeforeTheAnnouncement;
  };
  return !days_apart(a.time, b.time) || before_announced(a, b) || before_announced(b, a);
}

// The claim `again` tells once more joins `into`: the words of each field
// both give, then the fields only `again` gives, and its day when `into` had
// only the announcement's.
void tell_again(Claim& into, const Claim& again, const Gazetteer& places) {
  for (const std::string_view field : {"claimant", "event_type", "place", "perpetrator"}) {
    join_provenance(into, field, again, field, false);
  }
  for (std::size_t i = 0; i < into.casualties.size(); ++i) {
    const auto same = std::find_if(
        again.casualties.begin(), again.casualties.end(),
        [&](const CasualtyFigure& figure) { return same_figure(into.casualties[i], figure); });
    if (same == again.casualties.end()) {
      continue;  // a retelling with no figures of its own
    }
    if (!into.casualties[i].count.max) {
      into.casualties[i].count = same->count;  // "at least six", then "six"
    }
    join_provenance(into, "casualties/" + std::to_string(i), again,
                    "casualties/" + std::to_string(std::distance(again.casualties.begin(), same)),
                    false);
  }
  if (into.time_basis.basis == DateBasis::kAnnouncement &&
      again.time_basis.basis != DateBasis::kAnnouncement &&
      again.time_basis.basis != DateBasis::kUnknown) {
    detail::take_time(into, again, again.time_basis.from_context);
  }
  detail::borrow_place(into, again, places);  // only when `into` has none
  if (!into.perpetrator && again.perpetrator) {
    into.perpetrator = again.perpetrator;
    for (const FieldProvenance& entry : again.provenance) {
      if (entry.field == "perpetrator") {
        into.provenance.push_back(entry);
      }
    }
  }
}

// "… إلى 11 قتيلاً على الأقل" over a body telling "قتل 11 شخصاً": the headline
// says the body's count is a floor. A body figure of the status and count of a
// headline figure left open ("at least N") becomes open too, with the
// headline's words.
void qualify_by_headline(Claim& body, const Claim& headline) {
  for (std::size_t h = 0; h < headline.casualties.size(); ++h) {
    const CasualtyFigure& floor = headline.casualties[h];
    // "At least 7 killed" over the body's 7; not "Civilian injured", which
    // tells some (at least one) without a count and adds nothing to the body's.
    if (floor.count.max || floor.count.min < 2) {
      continue;
    }
    for (std::size_t b = 0; b < body.casualties.size(); ++b) {
      CasualtyFigure& figure = body.casualties[b];
      if (figure.status != floor.status || figure.count.min != floor.count.min ||
          figure.count.max != floor.count.min) {
        continue;
      }
      figure.count.max.reset();
      const std::string from = "casualties/" + std::to_string(h);
      const std::string to = "casualties/" + std::to_string(b);
      join_provenance(body, to, headline, from, true);
    }
  }
}

// Two figures of one side and status that differ: two statements (or a toll
// and its revision) read as one account.
bool has_conflicting_figures(const Claim& claim) {
  const auto& figures = claim.casualties;
  for (std::size_t a = 0; a < figures.size(); ++a) {
    for (std::size_t b = a + 1; b < figures.size(); ++b) {
      if (figures[a].side == figures[b].side && figures[a].status == figures[b].status &&
          figures[a].count != figures[b].count) {
        return true;
      }
    }
  }
  return false;
}

// Becomes the frame's draft where it is wanted: `drafts.emplace_back(DraftOf{...})`
// builds the draft in the vector's slot (the conversion's result initialises
// it directly) instead of moving a finished one in. A claim holds dozens of
// strings, vectors and optionals; moving one cost about 500 instructions.
struct DraftOf {
  const detail::Frame& frame;
  const detail::DocumentContext& context;
  // NOLINTNEXTLINE(google-explicit-constructor): converting implicitly is its purpose
  operator Draft() const { return detail::draft_claim(frame, context); }
};

struct DraftedFrame {
  detail::Frame frame;
  Draft draft;
};

// "The ministry said six were killed. ¶ On Tuesday, Yerevan said one soldier
// was killed": a party quoted again in a new paragraph continues its account,
// unless the figures then disagree; the account is cut at the last such
// paragraph where neither part disagrees with itself (what comes before it
// stays one account, as far as it agrees).
// "اليوم" and "أمس" in a text with no publication date: days that cannot be
// placed, but are not the same day.
bool unplaced_days_apart(const detail::Draft& one, const detail::Draft& other) {
  const DateMention* first = one.unplaced_date;
  const DateMention* second = other.unplaced_date;
  return first != nullptr && second != nullptr && first->day_offset && second->day_offset &&
         *first->day_offset != *second->day_offset;
}

std::optional<std::pair<DraftedFrame, DraftedFrame>> split_at_revision(
    const detail::Frame& frame, const Analysis& analysis, const ActorRegistry& actors,
    const detail::DocumentContext& context) {
  for (std::size_t at = frame.sentences.size() - 1; at >= 1; --at) {
    const detail::Sentence& sentence = analysis.sentences[frame.sentences[at]];
    const bool opens_paragraph =
        analysis.sentences[frame.sentences[at - 1]].paragraph != sentence.paragraph;
    const bool quotes_again =
        std::any_of(frame.attributions.begin(), frame.attributions.end(),
                    [&](const detail::Attribution& attribution) {
                      return attribution.actor != nullptr &&
                             sentence.range.contains(attribution.trigger->range.begin);
                    });
    if (!opens_paragraph || !quotes_again) {
      continue;
    }
    auto [first, second] = detail::split_frame(frame, at, analysis, actors);
    Draft first_draft = detail::draft_claim(first, context);
    Draft second_draft = detail::draft_claim(second, context);
    if (!has_conflicting_figures(first_draft.claim) &&
        !has_conflicting_figures(second_draft.claim)) {
      return std::pair{DraftedFrame{std::move(first), std::move(first_draft)},
                       DraftedFrame{std::move(second), std::move(second_draft)}};
    }
  }
  return std::nullopt;
}

}  // namespace

Extraction Extractor::extract(const ExtractionInput& input) const {
  const Impl& impl = *impl_;
  Extraction out;
  Document& document = out.document;
  document.kind = DocumentKind::kArticle;
  document.text = input.text;
  document.url = input.url;
  document.title = input.title;

  // Language of the document and its foreign runs.
  const text::LanguageReport languages = text::detect_languages(input.text);
  document.language = !languages.language.empty()               ? languages.language
                      : looks_like_language_tag(input.language) ? input.language
                                                                : std::string();
  for (const text::LanguageSpan& span : languages.spans) {
    out.foreign_spans.push_back({span.language, span.span});
  }

  Analysis analysis = detail::analyse(input.text, *impl.matcher, input.published, &impl.places);
  std::optional<Range> headline = detail::find_headline(analysis);
  if (headline && document.title.empty()) {
    document.title = analysis.original_text(*headline);
  }
  document.title = detail::fit_name(document.title);

  // Publication date and the chain of publishers.
  std::optional<CivilTime> published = input.published;
  const auto source_line = detail::find_source_line(analysis, impl.actors, headline);
  // What stands between the headline and the source line (a standfirst, the
  // page's time stamp) is the page's header: it repeats, it does not report.
  if (headline && source_line) {
    for (const Range& paragraph : analysis.paragraphs) {
      if (paragraph.end <= source_line->range.begin && paragraph.begin >= headline->end) {
        headline->end = paragraph.end;
      }
    }
  }
  if (!input.publisher.empty()) {
    document.origin.push_back(detail::fit_name(input.publisher));
  }
  if (source_line) {
    if (input.publisher.empty() && !source_line->outlets.empty()) {
      out.publisher_id = source_line->outlets.front();
    }
    for (const std::string& id : source_line->outlets) {
      const Actor* outlet = impl.actors.find(id);
      const std::string name = outlet != nullptr ? outlet->name : id;
      if (std::find(document.origin.begin(), document.origin.end(), name) ==
          document.origin.end()) {
        document.origin.push_back(name);
      }
    }
    if (source_line->date != nullptr) {
      const CivilTime stated = source_line->date->time.start;
      if (!published) {
        published = stated;
      } else if (published->date != stated.date) {
        Warning warning;
        warning.code = "published_conflict";
        warning.message =
            "the text's source line dates it " + format_civil_time(stated) + ", the " +
            (input.published_origin.empty() ? std::string("input") : input.published_origin) +
            " says " + format_civil_time(*published);
        warning.spans.push_back(analysis.span({source_line->date->begin, source_line->date->end}));
        warning.readings = {format_civil_time(*published), format_civil_time(stated)};
        if (input.published_origin == "envelope") {
          // Website metadata often carries the crawl or update date; the text's own line wins.
          warning.chosen = format_civil_time(stated);
          warning.reason = "the text's own source line is preferred to the envelope's metadata";
          published = stated;
        } else {
          warning.chosen = format_civil_time(*published);
          warning.reason = "a date given explicitly by the person ingesting is preferred";
        }
        out.warnings.push_back(std::move(warning));
      }
    }
  }
  document.published = published;
  if (published != input.published) {
    detail::redate(analysis, impl.lexicon, published);
  }

  for (Warning& warning : detail::settle_date_conflicts(analysis)) {
    out.warnings.push_back(std::move(warning));
  }
  for (const DateMention& date : analysis.dates) {
    if (!date.conflict.empty() && date.alternatives.empty()) {
      Warning warning;
      warning.code = "date_mismatch";
      warning.message = date.conflict;
      warning.spans.push_back(analysis.span({date.begin, date.end}));
      warning.chosen = format_civil_time(date.time.start);
      warning.reason = date.wording;
      out.warnings.push_back(std::move(warning));
    }
  }

  // Agreement references are words about an agreement, never events.
  auto references = detail::find_agreement_references(analysis, impl.places, published,
                                                      impl.options.recency_days);
  detail::DocumentContext context{analysis, impl.actors, impl.places, impl.options, published, {},
                                  headline, {},          {},          {},           {}};
  for (const auto& reference : references) {
    context.excluded.push_back(reference.range);
  }
  Range body{0, static_cast<std::uint32_t>(analysis.normalized.text.size())};
  // A page's list of references ("References", "المصادر" standing alone) and
  // all after it cite other texts; they tell no events of this one.
  for (const detail::Mention* heading : analysis.all_of("references_heading")) {
    const Range* paragraph = analysis.paragraph_at(heading->word.begin);
    if (paragraph != nullptr &&
        analysis.words_between(paragraph->begin, paragraph->end) ==
            analysis.words_between(heading->word.begin, heading->word.end)) {
      body.end = paragraph->begin;
      break;
    }
  }
  if (source_line) {
    context.excluded.push_back(source_line->range);
  }
  for (const Range& dateline : detail::find_datelines_in_body(analysis, impl.actors)) {
    context.excluded.push_back(dateline);
  }

  // A ministry's or a government's own statement speaks in its own voice:
  // what no one else is quoted for is its claim.
  const Actor* publisher_actor = nullptr;
  if (!input.publisher.empty()) {
    publisher_actor = impl.find_actor_named(input.publisher);
  }
  if (publisher_actor == nullptr && !out.publisher_id.empty()) {
    publisher_actor = impl.actors.find(out.publisher_id);
  }
  if (publisher_actor != nullptr) {
    out.publisher_id = publisher_actor->id;
  }
  // A body speaking for itself (not an outlet or an agency) gives the outlet's
  // own sentences their claimant: the publisher, or the source a label names
  // ("Источник: штаб ООС").
  const auto speaks_itself = [](const Actor* actor) {
    return actor != nullptr && !actor->is_press();
  };
  const std::optional<detail::SourceLabel> source_label =
      detail::find_source_label(analysis, impl.actors);
  const Actor* voice = nullptr;
  if (speaks_itself(publisher_actor)) {
    voice = publisher_actor;
  } else if (source_label && speaks_itself(source_label->actor)) {
    voice = source_label->actor;
  }
  if (source_label) {
    context.excluded.push_back(source_label->range);
  }
  detail::join_ranges(context.excluded);
  detail::split_at_second_claimant(analysis, impl.actors);
  std::vector<detail::Frame> built =
      detail::build_frames(analysis, impl.actors, impl.places, body, headline);
  if (voice != nullptr) {
    for (detail::Frame& frame : built) {
      if (frame.narrative() && !frame.headline) {
        frame.claimant = voice->id;
      }
    }
  }
  // The day a report's information runs to ("as of 19:30 30 August 2021")
  // dates its claims that give none of their own.
  const DateMention* report_date = detail::find_report_date(analysis);
  std::vector<detail::Frame> frames =
      detail::split_by_event(std::move(built), analysis, impl.places, impl.actors, context.excluded,
                             report_date, published, impl.options.recency_days);
  std::vector<Draft> drafts;
  drafts.reserve(frames.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    Draft& draft = drafts.emplace_back(DraftOf{frames[i], context});
    if (has_conflicting_figures(draft.claim)) {
      if (auto parts = split_at_revision(frames[i], analysis, impl.actors, context)) {
        frames[i] = std::move(parts->first.frame);
        frames.insert(frames.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                      std::move(parts->second.frame));
        draft = std::move(parts->first.draft);
        drafts.push_back(std::move(parts->second.draft));
        ++i;
      }
    }
  }

  // Document-level decisions, in text order: dates from context, background,
  // the outlet's own voice, the headline.
  const DateMention* context_date = nullptr;
  // "The new escalation began on Tuesday …. Armenia accused Baku of …": a day
  // a sentence of no event of its own gives, for the claims after it in its paragraph.
  const DateMention* paragraph_date = nullptr;
  std::uint32_t paragraph_of_date = 0;
  const auto paragraph_of = [&](std::size_t i) {
    return analysis.sentences[frames[i].sentences.front()].paragraph;
  };
  const Draft* context_event = nullptr;  // the latest fighting told
  // "The Azerbaijani military subsequently advanced": a sentence of the outlet
  // that goes on from the day told last is of that day.
  const DateMention* last_told = nullptr;
  const Draft* last_told_by = nullptr;
  // The same for a day nothing here can place ("on Monday" on an undated page).
  const DateMention* last_unplaced = nullptr;
  std::vector<const DateMention*> sequel_date(drafts.size(), nullptr);
  std::vector<const Draft*> sequel_of(drafts.size(), nullptr);
  // Told as before the day told last ("До этого …"): of no day the text gives.
  std::vector<bool> before_the_day(drafts.size(), false);
  std::vector<const Draft*> event_before(drafts.size(), nullptr);
  std::vector<bool> counts_otherwise(drafts.size(), false);  // count_retold_as_of
  // The date a claim without one of its own takes from the text: that of the
  // fighting its figures are of (none if that has none), else the day its
  // paragraph gave, else the latest event's.
  const auto borrowed_date = [&](std::size_t i) -> const DateMention* {
    if (event_before[i] != nullptr) {
      return event_before[i]->own_date;
    }
    if (paragraph_date != nullptr && paragraph_of(i) == paragraph_of_date) {
      return paragraph_date;
    }
    // A report's claims of no day of their own are of the day it runs to, not
    // of the event told before ("In the previous 24 hours, …", then "In
    // Luhansk region, the Mission recorded 676 ceasefire violations").
    if (report_date != nullptr) {
      return report_date;
    }
    return context_date;
  };
  // "ранен один сирийский военнослужащий … / за прошедшие сутки …
  // зафиксировано шесть обстрелов": the period a speaker's bulletin covers,
  // before or after, holds the acts it tells with no day of their own.
  std::vector<const Draft*> bulletins;  // drafts dated by a bulletin's period, gathered once
  for (const Draft& draft : drafts) {
    if (draft.own_date != nullptr && draft.own_date->report_period) {
      bulletins.push_back(&draft);
    }
  }
  const auto reported_period = [&](const Draft& draft) -> const DateMention* {
    for (const Draft* other : bulletins) {
      if (other != &draft && !draft.claim.claimant.id.empty() &&
          other->claim.claimant.id == draft.claim.claimant.id) {
        return other->own_date;
      }
    }
    return nullptr;
  };
  // The outlet's sentence that tells the act a quoted account just told, at
  // no other place ("… shelled Ruritanian posts yesterday. / The posts were
  // shelled near Grenzdorf.").
  const auto retells_the_quoted_act = [&](const detail::Frame& quoted_frame, const Claim& quoted,
                                          const Claim& claim) {
    return !quoted_frame.narrative() && quoted.claimant.id != out.publisher_id &&
           quoted.event_type == claim.event_type &&
           (!quoted.place || !claim.place || quoted.place->geometry == claim.place->geometry);
  };
  std::vector<std::size_t> kept;
  std::vector<std::size_t> narrative;
  std::vector<bool> undated(drafts.size(), false);
  // Read in full all the same: who claimed what is worth as much without a date.
  const auto leave_undated = [&](std::size_t i) {
    drafts[i].claim.time_basis.basis = truce::DateBasis::kUnknown;
    drafts[i].claim.time_basis.wording = std::string(kUndatedWording);
    undated[i] = true;
  };
  // "Two soldiers were killed and nine wounded in clashes …" opening a story
  // with no day and no one quoted: the outlet's own report of the news it
  // publishes, of the day it publishes it.
  // Its lead is the first paragraph of the body that is not one more title,
  // a caption or a date line.
  const auto first_act = std::find_if(drafts.begin(), drafts.end(), [&](const Draft& draft) {
    const detail::Frame& frame = frames[static_cast<std::size_t>(&draft - drafts.data())];
    return !frame.headline &&
           !detail::headline_like(
               analysis,
               analysis.paragraphs[analysis.sentences[frame.sentences.front()].paragraph]);
  });
  const std::size_t lead = static_cast<std::size_t>(first_act - drafts.begin());
  const auto undated_lead = [&](std::size_t i) {
    const Draft& draft = drafts[i];
    return i == lead && draft.has_event && draft.own_date == nullptr &&
           draft.unplaced_date == nullptr && !draft.claim.casualties.empty() && !draft.background &&
           !draft.habitual && !draft.negated && !draft.hypothetical && frames[i].narrative() &&
           (i == 0 || paragraph_of(i - 1) != paragraph_of(i));
  };
  // «Сообщалось о четырех пострадавших при обстреле города»: figures only
  // "reported", with no one named, are the outlet's own report even where
  // nothing dates them: of the day it publishes them, else undated.
  const auto reported_figures = [&](std::size_t i) {
    return frames[i].impersonal && drafts[i].has_figures && !drafts[i].background;
  };
  const Draft* headline_draft = nullptr;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    Draft& draft = drafts[i];
    const detail::Frame& frame = frames[i];
    if (i > 0 && !frames[i - 1].headline && drafts[i - 1].own_date != nullptr &&
        (!published || days_between(drafts[i - 1].own_date->time.start, *published) <=
                           impl.options.recency_days)) {
      last_told = drafts[i - 1].own_date;
      last_told_by = &drafts[i - 1];
    }
    if (i > 0 && !frames[i - 1].headline && drafts[i - 1].unplaced_date != nullptr) {
      last_unplaced = drafts[i - 1].unplaced_date;
    }
    if (frame.headline) {
      headline_draft = &draft;
      continue;
    }
    if (!draft.has_event && !draft.has_figures && !draft.retold.empty() &&
        context_event != nullptr) {
      counts_otherwise[i] = detail::count_retold_as_of(draft, context_event->claim, analysis);
    }
    if (!draft.has_event && !draft.has_figures && !draft.retold.empty()) {
      const auto told_last = std::find_if(
          drafts.rbegin() + static_cast<std::ptrdiff_t>(drafts.size() - i), drafts.rend(),
          [](const Draft& before) { return !before.claim.casualties.empty(); });
      // The toll revised is of the same act: at its place.
      if (told_last != drafts.rend() &&
          detail::count_revised_toll(draft, told_last->claim, analysis)) {
        detail::borrow_place(draft.claim, told_last->claim, impl.places);
      }
    }
    if (!draft.has_event && draft.has_figures) {
      event_before[i] = context_event;
    }
    // A violation alleged or counted is not the fighting people fell in.
    if (draft.has_event && draft.event != nullptr &&
        detail::group_of(draft.claim.event_type) == detail::EventGroup::kViolence &&
        draft.claim.event_type != EventType::kCeasefireViolation) {
      context_event = &draft;
    }
    const TextSpan span = analysis.span(draft.range);
    // "more than 2,200 violations this year, killing 18 civilians": a tally.
    if (const DateMention* dated = draft.own_date != nullptr ? draft.own_date : draft.unplaced_date;
        dated != nullptr && dated->period && (draft.has_event || draft.has_figures)) {
      out.set_aside.push_back(
          {SetAsideReason::kBackground, span, "a tally over a period of time, not an incident"});
      continue;
    }
    // "Баку и Ереван регулярно обмениваются обвинениями в обстрелах": a habit
    // told with no day and no figure is no act, whoever tells it.
    if (draft.habitual && draft.own_date == nullptr && !draft.has_figures) {
      out.set_aside.push_back(
          {SetAsideReason::kBackground, span, "a habit, not an act of one day"});
      continue;
    }
    // "the continuous blockade since December 12, 2022" goes on: no past.
    if (draft.own_date != nullptr && published &&
        days_between(draft.own_date->time.start, *published) > impl.options.recency_days &&
        !detail::runs_on_since(analysis, *draft.own_date)) {
      if (draft.has_event || draft.has_figures) {
        out.set_aside.push_back(
            {SetAsideReason::kHistorical, span,
             "dated " + format_civil_time(draft.own_date->time.start) + ", " +
                 std::to_string(days_between(draft.own_date->time.start, *published)) +
                 " days before publication"});
      }
      continue;
    }
    if (draft.own_date == nullptr && published && frame.narrative()) {
      // Dates only inside agreement references still tell when a sentence is set.
      if (const DateMention* old = detail::oldest_date_in(analysis, draft.range);
          old != nullptr && days_between(old->time.start, *published) > impl.options.recency_days &&
          (draft.has_event || draft.has_figures)) {
        out.set_aside.push_back({SetAsideReason::kHistorical, span,
                                 "dated " + format_civil_time(old->time.start) + ", " +
                                     std::to_string(days_between(old->time.start, *published)) +
                                     " days before publication"});
        continue;
      }
    }
    // "…have not shown any fire activity. No casualties have been recorded":
    // with no event of its own, figures that are all none tell no event, and
    // are no figures of the fighting told before it. «…, потерь среди личного
    // состава азербайджанской армии нет» names whose losses were none: a toll
    // of the fighting told before it, as another figure would be.
    const bool only_none =
        !draft.claim.casualties.empty() && draft.claim.assets.empty() &&
        std::all_of(draft.claim.casualties.begin(), draft.claim.casualties.end(),
                    [](const CasualtyFigure& figure) { return figure.count == exactly(0); }) &&
        (event_before[i] == nullptr ||
         std::all_of(
             draft.claim.casualties.begin(), draft.claim.casualties.end(),
             [](const CasualtyFigure& figure) { return figure.side.kind == SideKind::kUnknown; }));
    // "…авиация РФ не наносила удары в районе …, где погибли военные Турции":
    // the figures of a denial are no claim of an act.
    if (!draft.has_event && draft.tells_a_denial) {
      out.set_aside.push_back({SetAsideReason::kNegated, span, "the only event words are negated"});
      continue;
    }
    if (!draft.has_event && only_none) {
      out.set_aside.push_back(
          {SetAsideReason::kNegated, span, "no casualties and no event of its own"});
      continue;
    }
    if (!draft.has_event && !draft.has_figures) {
      if (draft.own_date != nullptr && !draft.negated && !draft.hypothetical) {
        paragraph_date = draft.own_date;
        paragraph_of_date = paragraph_of(i);
      }
      if (draft.negated || draft.hypothetical) {
        out.set_aside.push_back(
            {draft.negated ? SetAsideReason::kNegated : SetAsideReason::kHypothetical, span,
             "the only event words are negated or hypothetical"});
      } else if (!draft.retold.empty()) {
        out.set_aside.push_back({SetAsideReason::kRepeat, span,
                                 "a figure of no stated side and no event of its own retells the "
                                 "account before it"});
      }
      continue;
    }
    if (frame.narrative()) {
      // «كما جرحت امرأة بقصف مماثل …»: one more act, opening the account with
      // "also", goes on from the day told last, as a sequel word does.
      // So does another act set off by a word of contrast in its sentence
      // («…الاسبوع الماضي … فيما ردت فصائل معارضة بقصف …»).
      const bool one_more = analysis.opens_with(draft.range, "one_more") ||
                            analysis.sentences[frame.sentences.front()].contrasted_act;
      // "До этого …", "Before that, …": an act told as before the day told
      // last is no retelling of what was told of that day, nor of its day.
      const detail::MentionList sequels = analysis.in(draft.range, "sequel");
      const bool told_as_before =
          (last_told != nullptr || last_unplaced != nullptr) && !sequels.empty() &&
          std::all_of(sequels.begin(), sequels.end(), [](const detail::Mention* word) {
            return word->entry->has_attribute("before");
          });
      const bool goes_on = one_more || (!sequels.empty() && !told_as_before);
      before_the_day[i] = told_as_before;
      if (draft.own_date == nullptr && draft.unplaced_date == nullptr && !draft.background &&
          last_told != nullptr && goes_on) {
        sequel_date[i] = last_told;
        sequel_of[i] = last_told_by;
      }
      // "Meanwhile, seven civilians were martyred …" after "on Monday" on an
      // undated page: of that day too, which nothing here can place.
      if (draft.own_date == nullptr && draft.unplaced_date == nullptr && !draft.background &&
          last_told == nullptr && last_unplaced != nullptr && goes_on) {
        draft.unplaced_date = last_unplaced;
      }
      // «وأضاف المراسل أن بلدات … تعرّضت أيضاً لقصف مدفعي» right after «قوات
      // النظام استهدفت … صباح اليوم …»: an act of the same kind told right
      // after a dated one, with no day of its own, goes on from that day; not
      // the same act as a quoted account's just before (it retells that
      // account, below), nor a state or a trend "since" some time
      // ("bombardment has increased there since late April").
      if (sequel_date[i] == nullptr && draft.own_date == nullptr && !told_as_before &&
          draft.unplaced_date == nullptr && !draft.background && draft.has_event && i > 0 &&
          last_told_by == &drafts[i - 1] && drafts[i - 1].has_event &&
          !retells_the_quoted_act(frames[i - 1], drafts[i - 1].claim, draft.claim) &&
          detail::group_of(drafts[i - 1].claim.event_type) ==
              detail::group_of(draft.claim.event_type) &&
          analysis.in(draft.range, "ongoing_since").empty() &&
          (!published || days_between(last_told->time.start, *published) >= 0)) {
        sequel_date[i] = last_told;
        sequel_of[i] = last_told_by;
      }
      // "Напомним, бои … начались в воскресенье, 12 июля": a recap dated within
      // the last days is the outlet's account all the same.
      // Not figures that count the persons of the account before otherwise:
      // news of that account's fighting.
      const bool undated_retelling = draft.own_date == nullptr && draft.unplaced_date == nullptr &&
                                     sequel_date[i] == nullptr && !undated_lead(i) &&
                                     !counts_otherwise[i] && !told_as_before;
      // "Минобороны … сообщило об уничтожении военного объекта. / Военный
      // объект был уничтожен … в направлении Товузского района": the outlet's
      // undated retelling of the act just quoted says where it happened, and
      // whom it hit ("… the DPR office in the JCCC said. / As a result of the
      // shelling of Horlivka, a woman was wounded").
      if (undated_retelling && !draft.background && draft.has_event && !kept.empty() &&
          kept.back() + 1 == i && drafts[i - 1].claim.event_type == draft.claim.event_type) {
        detail::borrow_place(drafts[i - 1].claim, draft.claim, impl.places);
        // Not figures "it was reported" («сообщалось»): no one's, the outlet's.
        if (!frame.impersonal) {
          detail::borrow_figures(drafts[i - 1].claim, draft.claim);
        }
      }
      if ((draft.background && draft.own_date == nullptr) ||
          (undated_retelling && !reported_figures(i))) {
        out.set_aside.push_back({SetAsideReason::kBackground, span,
                                 draft.background ? "background wording, no claimant"
                                                  : "no claimant and no date of its own"});
        continue;
      }
      if (draft.has_event) {
        context_date = draft.own_date;
      }
      narrative.push_back(i);
      continue;
    }
    // A date of its own that nothing here can place leaves the claim undated:
    // another sentence's date is not its.
    const bool placeable = draft.unplaced_date == nullptr;
    // "противник продолжает обстреливать …", "are still shelling": fire said to
    // go on is of the day it is told, not of the act told before it.
    const bool goes_on = draft.background;
    // "The shelling by Syrian government forces was carried out …, the Turkish
    // defense ministry statement said" after another body's account of
    // Sunday: the claimant's own account of that act before gives its day,
    // not the latest told.
    const auto told_before = [&]() -> const Draft* {
      if (!draft.has_event || event_before[i] != nullptr || report_date != nullptr ||
          (paragraph_date != nullptr && paragraph_of(i) == paragraph_of_date)) {
        return nullptr;
      }
      // Not what the speaker said before that day ("… this morning, SOHR said.
      // / SOHR said yesterday that …").
      const auto same_act = std::find_if(kept.rbegin(), kept.rend(), [&](std::size_t k) {
        const Draft& earlier = drafts[k];
        return !undated[k] && earlier.has_event &&
               earlier.claim.claimant.id == draft.claim.claimant.id &&
               earlier.claim.event_type == draft.claim.event_type &&
               !said_before(draft.statement_date, earlier.own_date);
      });
      return same_act != kept.rend() ? &drafts[*same_act] : nullptr;
    };
    // The claim's act and the one told before are done by the same party, or
    // the claim names no one.
    const auto by_the_same_hand = [&](const Claim& before) {
      return !draft.claim.perpetrator ||
             (before.perpetrator && impl.actors.party_of(before.perpetrator->id) ==
                                        impl.actors.party_of(draft.claim.perpetrator->id));
    };
    const Draft* own_account = nullptr;
    if (draft.own_date != nullptr) {
      detail::set_time(draft.claim, *draft.own_date, analysis, false);
      if (draft.has_event) {
        context_date = draft.own_date;
      }
    } else if (placeable && !goes_on && (own_account = told_before()) != nullptr) {
      detail::take_time(draft.claim, own_account->claim, true);
      if (by_the_same_hand(own_account->claim)) {
        detail::borrow_place(draft.claim, own_account->claim, impl.places);
      }
    } else if (const DateMention* nearest = borrowed_date(i);
               placeable && nearest != nullptr && !said_before(draft.statement_date, nearest) &&
               !goes_on) {
      detail::set_time(draft.claim, *nearest, analysis, true);
      // «В Народной милиции добавили, что в результате обстрела получил
      // ранение …» right after the militia's account of the shelling: the same
      // speaker going on about the same kind of act, of its day, is at its place.
      // Not the other side's answer to it ("a befitting response was given").
      const auto nothing_told_between = [&](std::size_t from) {
        return std::none_of(drafts.begin() + static_cast<std::ptrdiff_t>(from) + 1,
                            drafts.begin() + static_cast<std::ptrdiff_t>(i),
                            [](const Draft& between) { return between.has_event; });
      };
      if (!kept.empty() && !undated[kept.back()] && nothing_told_between(kept.back())) {
        const Claim& before = drafts[kept.back()].claim;
        if (before.claimant.id == draft.claim.claimant.id && !draft.claim.claimant.id.empty() &&
            detail::group_of(before.event_type) == detail::group_of(draft.claim.event_type) &&
            by_the_same_hand(before)) {
          detail::borrow_place(draft.claim, before, impl.places);
        }
      }
    } else if (placeable && draft.statement_date != nullptr) {
      detail::set_statement_time(draft.claim, *draft.statement_date, analysis);
    } else if (const DateMention* covered = reported_period(draft);
               placeable && covered != nullptr) {
      detail::set_time(draft.claim, *covered, analysis, true);
    } else if (placeable && report_date != nullptr) {
      detail::set_time(draft.claim, *report_date, analysis, true);
    } else if (placeable && published) {
      date_by_publication(draft.claim, *published, "no date given; the publication date");
    } else {
      leave_undated(i);
    }
    kept.push_back(i);
  }

  // The outlet's own account counts only where no one it quotes gives one.
  const std::string publisher = document.origin.empty() ? std::string() : document.origin.front();
  for (std::size_t i : narrative) {
    Draft& draft = drafts[i];
    // A quoted account of the same kind of events covers the outlet's, unless
    // the two are dated apart (the outlet recalls the day before).
    const auto covering = std::find_if(kept.begin(), kept.end(), [&](std::size_t k) {
      const Claim& quoted = drafts[k].claim;
      const DateMention* day = draft.own_date != nullptr ? draft.own_date : sequel_date[i];
      const bool dated_apart = (day != nullptr && quoted.time_basis.basis != DateBasis::kUnknown &&
                                days_apart(day->time, quoted.time)) ||
                               unplaced_days_apart(draft, drafts[k]);
      // «По меньшей мере пять … погибли в результате обстрела», then the
      // ministry quoted for the five with no event word of its own: its figures
      // are of the outlet's account, which retells them.
      if (event_before[k] == &draft && !dated_apart && retells_the_toll(draft.claim, quoted)) {
        return true;
      }
      // The cheap tests first: a long text pairs every account with every other.
      if (dated_apart || !compatible(quoted, draft.claim)) {
        return false;
      }
      // The other side's answer to it ("Pakistan Army befittingly responded")
      // is another act.
      const bool other_perpetrator = quoted.perpetrator && draft.claim.perpetrator &&
                                     impl.actors.party_of(quoted.perpetrator->id) !=
                                         impl.actors.party_of(draft.claim.perpetrator->id);
      // "Fresh clashes broke out between Armenia and Azerbaijan, with each side
      // … blaming the other": the outlet's clash is not one side's accusation.
      const bool mutual_against_one_sided = draft.claim.event_type == EventType::kArmedClash &&
                                            quoted.event_type != EventType::kArmedClash &&
                                            quoted.perpetrator.has_value();
      // A specific act the quoted account does not tell ("advanced …, breaching
      // the positions" beside an accusation of "aggression") is another act.
      const bool other_act = detail::specific_violence(draft.claim.event_type) &&
                             draft.claim.event_type != quoted.event_type;
      // Figures the quoted account does not give ("the shelling of the village
      // of X killed four") are the outlet's own report.
      // So are figures of a side or status it does not count ("Eight people
      // including three soldiers … and four civilians were killed" beside the
      // police's four civilians).
      return !other_perpetrator && !mutual_against_one_sided && !other_act &&
             !counts_what_it_does_not(draft.claim, quoted) && !placed_apart(quoted, draft.claim);
    });
    const bool covered = covering != kept.end();
    // «По данным Министерства …, … были произведены выстрелы», then the
    // ministry's words as the outlet gives them, naming the village: the
    // outlet's account of the same act says where the quoted one left out.
    if (covered) {
      detail::borrow_place(drafts[*covering].claim, draft.claim, impl.places);
    }
    const TextSpan span = analysis.span(draft.range);
    // The lead sums up what the outlet tells after it in its own voice.
    if (undated_lead(i) && sequel_date[i] == nullptr &&
        std::any_of(narrative.begin(), narrative.end(),
                    [&](std::size_t other) { return other != i && drafts[other].has_event; })) {
      out.set_aside.push_back(
          {SetAsideReason::kBackground, span, "no claimant and no date of its own"});
      continue;
    }
    if (covered || publisher.empty()) {
      out.set_aside.push_back({SetAsideReason::kBackground, span,
                               covered ? "the outlet's own account of events a quoted claimant "
                                         "reports"
                                       : "no claimant and no publisher"});
      continue;
    }
    draft.claim.claimant = publisher_actor != nullptr
                               ? ActorRef{publisher_actor->id, publisher_actor->name}
                               : ActorRef{slug_from_publisher(publisher), publisher};
    if (draft.own_date != nullptr) {
      detail::set_time(draft.claim, *draft.own_date, analysis, false);
    } else if (sequel_date[i] != nullptr) {
      detail::set_time(draft.claim, *sequel_date[i], analysis, true);
      detail::borrow_area(draft.claim, sequel_of[i]->claim, impl.places);
    } else if (counts_otherwise[i] && event_before[i]->own_date != nullptr && !before_the_day[i]) {
      // Its persons are those of the fighting told before it: of its day.
      detail::set_time(draft.claim, *event_before[i]->own_date, analysis, true);
    } else if (published && undated_lead(i)) {
      date_by_publication(draft.claim, *published,
                          "the story's lead gives no date; the publication date");
    } else if (published && reported_figures(i)) {
      date_by_publication(draft.claim, *published,
                          "figures reported with no date; the publication date");
    } else {
      leave_undated(i);
    }
    kept.push_back(i);
  }
  std::sort(kept.begin(), kept.end());
  // Once the claims are settled, one that tells only figures is of the
  // fighting told before it.
  // With none before it, persons killed or wounded tell of an attack.
  for (std::size_t k : kept) {
    if (event_before[k] != nullptr) {
      detail::borrow_event(drafts[k].claim, *event_before[k], analysis);
    } else if (drafts[k].claim.event_type == EventType::kOther && !drafts[k].has_event) {
      detail::type_by_its_toll(drafts[k].claim);
    }
  }

  // The headline repeats a claim of the body; its words join that claim.
  if (headline_draft != nullptr && headline_draft->has_event) {
    const std::vector<std::string> headline_countries =
        countries_named(analysis, impl.actors, impl.places, headline_draft->range);
    const auto repeats = [&](std::size_t k) {
      return compatible(drafts[k].claim, headline_draft->claim) &&
             headline_repeats(headline_draft->claim, drafts[k].claim, headline_countries,
                              impl.actors);
    };
    // A headline toll is the body claim that gives the same count, if one does.
    auto same = std::find_if(kept.begin(), kept.end(), [&](std::size_t k) {
      return repeats(k) && same_toll(headline_draft->claim, drafts[k].claim);
    });
    if (same == kept.end()) {
      same = std::find_if(kept.begin(), kept.end(), repeats);
    }
    if (same != kept.end()) {
      Claim& claim = drafts[*same].claim;
      join_provenance(claim, "event_type", headline_draft->claim, "event_type", true);
      qualify_by_headline(claim, headline_draft->claim);
      out.set_aside.push_back({SetAsideReason::kHeadlineRepeat,
                               analysis.span(headline_draft->range),
                               "the headline repeats a claim of the body"});
    } else {
      // A site's ticker headline about another story, or a headline whose
      // story the body does not tell: shown as set aside, no one's claim.
      out.set_aside.push_back({SetAsideReason::kBackground, analysis.span(headline_draft->range),
                               "a headline that repeats no claim of the body"});
    }
  }

  // One claimant telling one act again tells one claim; the later telling is
  // set aside and its words join the first (`tell_again` for a toll, the
  // event's words for an agreement or a truce). Null: not told again.
  //   - An agreement or a truce on the same day ("reached a Russia-brokered
  //     ceasefire", then the statement itself: "an agreement was reached to
  //     cease fire"; a joint statement in two languages); a truce told at
  //     another place is another truce.
  //   - The same toll of the same kind of act at the same place on days that
  //     meet ("Air strikes … have killed 10 civilians …, a monitor said", then
  //     "The Syrian Observatory … said Russian air strikes overnight killed five
  //     children, four women, and one man"), or a retelling with no figure of
  //     its own and the same perpetrator ("The shelling by Syrian government
  //     forces was carried out …, the ministry's statement said").
  const auto same_place = [](const Claim& a, const Claim& b) {
    return !a.place || !b.place || a.place->geometry == b.place->geometry;
  };
  const auto told_again = [&](const Claim& earlier, const Claim& claim) -> const char* {
    if (earlier.claimant.id != claim.claimant.id || earlier.event_type != claim.event_type) {
      return nullptr;
    }
    if (claim.event_type == EventType::kAgreement) {
      return days_apart(earlier.time, claim.time) ? nullptr
                                                  : "the claimant tells the same agreement again";
    }
    if (claim.event_type == EventType::kDeEscalation) {
      return days_apart(earlier.time, claim.time) || !same_place(earlier, claim)
                 ? nullptr
                 : "the claimant tells the same truce again";
    }
    const bool same_toll =
        !claim.casualties.empty() &&
        std::is_permutation(earlier.casualties.begin(), earlier.casualties.end(),
                            claim.casualties.begin(), claim.casualties.end(), same_figure);
    const bool adds_nothing = claim.casualties.empty() && claim.assets.empty() &&
                              !earlier.casualties.empty() && earlier.perpetrator &&
                              claim.perpetrator &&
                              impl.actors.party_of(earlier.perpetrator->id) ==
                                  impl.actors.party_of(claim.perpetrator->id);
    return (same_toll || adds_nothing) && same_place(earlier, claim) && days_meet(earlier, claim)
               ? "the claimant tells the same toll of the same act again"
               : nullptr;
  };
  for (auto later = kept.begin(); later != kept.end();) {
    const Claim& claim = drafts[*later].claim;
    const char* why = nullptr;
    const auto first = std::find_if(kept.begin(), later, [&](std::size_t k) {
      why = undated[k] || undated[*later] ? nullptr : told_again(drafts[k].claim, claim);
      return why != nullptr;
    });
    if (first == later) {
      ++later;
      continue;
    }
    Claim& kept_claim = drafts[*first].claim;
    if (claim.event_type == EventType::kAgreement || claim.event_type == EventType::kDeEscalation) {
      join_provenance(kept_claim, "event_type", claim, "event_type", false);
    } else {
      tell_again(kept_claim, claim, impl.places);
    }
    out.set_aside.push_back({SetAsideReason::kRepeat, analysis.span(drafts[*later].range), why});
    later = kept.erase(later);
  }

  // «ранены трое сирийских военных», then, told one by one, one wounded at a
  // post and two at another: a toll that the same claimant's next claims add
  // up to (two or more figures of its side and status) is their total, not
  // another event; it is set aside.
  const auto exact = [](const CasualtyFigure& figure) {
    return figure.count.max && *figure.count.max == figure.count.min;
  };
  // Whether two or more exact figures of `figure`'s side and status in the
  // claims [from, to) of `claimant` add up to it; `told_in_a_row`: the claims
  // run on while the claimant is the same, and stop once the sum is reached.
  const auto add_up_to = [&](const CasualtyFigure& figure, std::vector<std::size_t>::iterator from,
                             std::vector<std::size_t>::iterator to, const std::string& claimant,
                             bool told_in_a_row) {
    std::int64_t sum = 0;
    int parts = 0;
    for (auto part_of = from; part_of != to; ++part_of) {
      if (drafts[*part_of].claim.claimant.id != claimant) {
        if (told_in_a_row) {
          break;
        }
        continue;
      }
      if (told_in_a_row && sum >= figure.count.min) {
        break;
      }
      for (const CasualtyFigure& part : drafts[*part_of].claim.casualties) {
        if (part.side == figure.side && part.status == figure.status && exact(part)) {
          sum += part.count.min;
          ++parts;
        }
      }
    }
    return parts >= 2 && sum == figure.count.min;
  };
  for (auto total = kept.begin(); total != kept.end();) {
    const Claim& claim = drafts[*total].claim;
    if (claim.casualties.size() != 1 || !exact(claim.casualties.front()) ||
        !add_up_to(claim.casualties.front(), total + 1, kept.end(), claim.claimant.id, true)) {
      ++total;
      continue;
    }
    out.set_aside.push_back({SetAsideReason::kRepeat, analysis.span(drafts[*total].range),
                             "a total of the tolls the claimant tells one by one after it"});
    total = kept.erase(total);
  }
  // "Accordingly, the number of civilians killed this morning … has reached
  // eight" after five and three: a toll said to rise (`figure_rise`) to the sum
  // of two or more tolls its claimant told before it is their running total.
  for (auto total = kept.begin(); total != kept.end();) {
    const Claim& claim = drafts[*total].claim;
    if (claim.casualties.size() != 1 || !exact(claim.casualties.front()) ||
        analysis.in(drafts[*total].range, "figure_rise").empty() ||
        !add_up_to(claim.casualties.front(), kept.begin(), total, claim.claimant.id, false)) {
      ++total;
      continue;
    }
    out.set_aside.push_back({SetAsideReason::kRepeat, analysis.span(drafts[*total].range),
                             "a running total of the tolls the claimant told before it"});
    total = kept.erase(total);
  }

  // "…подразделения вооруженных сил Армении вновь предприняли попытку
  // атаковать наши позиции …. В то же время села … были обстреляны": a
  // violent act the same claimant tells right after one whose perpetrator it
  // named, in the same paragraph or the next, with no perpetrator of its own,
  // is of the same perpetrator (with the words that named it). Not a clash
  // (mutual), not an answer to fire, not when the figures or the target are
  // that perpetrator's own, nor when the perpetrator is the claimant's side.
  for (std::size_t n = 1; n < kept.size(); ++n) {
    const Draft& draft = drafts[kept[n]];
    const Claim& before = drafts[kept[n - 1]].claim;
    Claim& claim = drafts[kept[n]].claim;
    if (claim.perpetrator || !before.perpetrator || claim.claimant.id != before.claimant.id ||
        detail::group_of(claim.event_type) != detail::EventGroup::kViolence ||
        detail::group_of(before.event_type) != detail::EventGroup::kViolence ||
        claim.event_type == EventType::kArmedClash ||
        (draft.event != nullptr && draft.event->entry->has_attribute("response")) ||
        paragraph_of(kept[n]) > paragraph_of(kept[n - 1]) + 1) {
      continue;
    }
    const std::string& party = impl.actors.party_of(before.perpetrator->id);
    const bool own =
        party == impl.actors.party_of(claim.claimant.id) ||
        (claim.target && impl.actors.party_of(claim.target->id) == party) ||
        std::any_of(
            claim.casualties.begin(), claim.casualties.end(), [&](const CasualtyFigure& figure) {
              return figure.side.party && impl.actors.party_of(figure.side.party->id) == party;
            });
    if (own) {
      continue;
    }
    claim.perpetrator = before.perpetrator;
    for (const FieldProvenance& entry : before.provenance) {
      if (entry.field == "perpetrator") {
        claim.provenance.push_back(entry);
      }
    }
  }

  // Agreement references go with the claim whose words hold them.
  for (const auto& reference : references) {
    auto owner = std::find_if(kept.begin(), kept.end(), [&](std::size_t k) {
      return drafts[k].range.covers(reference.range);
    });
    if (owner != kept.end()) {
      drafts[*owner].claim.agreements.push_back(reference.reference);
    } else {
      document.agreement_references.push_back(reference.reference);
    }
  }

  // Room first: a claim moved again on each growth of a list costs as much as the first move.
  const auto undated_count = static_cast<std::size_t>(
      std::count_if(kept.begin(), kept.end(), [&](std::size_t k) { return undated[k]; }));
  out.claims.reserve(out.claims.size() + kept.size() - undated_count);
  out.undated_claims.reserve(out.undated_claims.size() + undated_count);
  for (std::size_t k : kept) {
    (undated[k] ? out.undated_claims : out.claims).push_back(std::move(drafts[k].claim));
  }
  for (const auto* claims : {&out.claims, &out.undated_claims}) {
    for (const Claim& claim : *claims) {
      if (!claim.place) {
        continue;
      }
      const std::string& name = claim.place->name;
      if (!claim.place->geometry &&
          std::find(out.unresolved_places.begin(), out.unresolved_places.end(), name) ==
              out.unresolved_places.end()) {
        out.unresolved_places.push_back(name);
      }
    }
  }
  return out;
}

}  // namespace truce::extract
