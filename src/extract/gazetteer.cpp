#include "extract/gazetteer.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <iterator>
#include <set>
#include <system_error>

#include "core/ids.hpp"
#include "core/time.hpp"
#include "text/normalize.hpp"

namespace truce::extract {
namespace {

constexpr std::string_view kContext = "extract.gazetteer: load";
// Within this distance two villages told one after the other are one scene
// (the eval counts a place right within 25 km).
constexpr double kNearbyKm = 15.0;

constexpr std::array<std::string_view, 11> kPlaceColumns = {
    "id",     "type",   "lon",      "lat",         "where_prec", "country",
    "admin1", "parent", "timezone", "approximate", "source"};
enum PlaceColumn : std::size_t {
  kId,
  kType,
  kLon,
  kLat,
  kWherePrec,
  kCountry,
  kAdmin1,
  kParent,
  kTimezone,
  kApproximate,
  kSource
};

constexpr std::array<std::string_view, 12> kPlaceTypes = {
    "country", "admin1", "admin2", "settlement", "mountain", "pass",
    "area",    "border", "line",   "water",      "region",   "road"};

constexpr std::array<std::string_view, 3> kNameColumns = {"id", "name", "attributes"};

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 code_point = 0;
    U8_NEXT(bytes, i, length, code_point);
    if (code_point < 0) {
      return false;
    }
  }
  return true;
}

std::string in_quotes(std::string_view text) {
  return "'" + std::string(text) + "'";
}

bool is_lower_word(std::string_view text, bool digits) {
  return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
         std::all_of(text.begin(), text.end(), [digits](char c) {
           return (c >= 'a' && c <= 'z') || c == '_' || (digits && c >= '0' && c <= '9');
         });
}

bool is_country_code(std::string_view text) {
  return text.size() == 2 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (true) {
    std::size_t at = text.find(separator, from);
    parts.emplace_back(
        trim_spaces(text.substr(from, at == std::string_view::npos ? at : at - from)));
    if (at == std::string_view::npos) {
      return parts;
    }
    from = at + 1;
  }
}

std::optional<double> parse_degrees(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

// "key=value;key" into pairs; the problem in words, or "" when well formed.
std::string parse_attributes(std::string_view text,
                             std::vector<std::pair<std::string, std::string>>& attributes) {
  if (text.empty()) {
    return {};
  }
  for (const std::string& item : split(text, ';')) {
    if (item.empty()) {
      return "empty attribute in " + in_quotes(text) + " (write key=value;key)";
    }
    std::size_t equals = item.find('=');
    std::string key(trim_spaces(std::string_view(item).substr(0, equals)));
    std::string value = equals == std::string::npos
                            ? std::string()
                            : std::string(trim_spaces(std::string_view(item).substr(equals + 1)));
    if (!is_lower_word(key, true)) {
      return "attribute key " + in_quotes(key) + " is not a lowercase word ([a-z][a-z0-9_]*)";
    }
    if (value.find('=') != std::string::npos) {
      return "attribute " + in_quotes(item) + " has more than one '='";
    }
    bool repeated = std::any_of(attributes.begin(), attributes.end(),
                                [&key](const auto& attribute) { return attribute.first == key; });
    if (repeated) {
      return "attribute " + in_quotes(key) + " given twice";
    }
    attributes.emplace_back(std::move(key), std::move(value));
  }
  return {};
}

std::vector<std::filesystem::path> sorted_tables(const std::filesystem::path& directory,
                                                 std::error_code& error) {
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error) && it->path().extension() == ".tsv") {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<NameRow> parse_name_row(const TableLine& line, const std::string& file,
                               const std::string& language, std::string_view what,
                               const std::function<bool(std::string_view)>& known) {
  auto error = [&](std::size_t column, const std::string& problem) {
    return table_error(file, line.number, column, kNameColumns[column], problem);
  };
  const auto& fields = line.fields;
  if (fields.size() < 2 || fields.size() > 3) {
    return make_error(ErrorCode::kInvalidInput,
                      file + ":" + std::to_string(line.number) + ": " +
                          std::to_string(fields.size()) +
                          " tab-separated columns; expected 2 or 3 (id, name[, attributes])",
                      std::string(kContext));
  }
  NameRow row;
  row.id = fields[0];
  if (!known(row.id)) {
    return error(0, "unknown " + std::string(what) + " " + in_quotes(row.id));
  }
  std::string_view written = fields[1];
  std::size_t star = written.find('*');
  if (star != std::string_view::npos && star + 1 != written.size()) {
    return error(1, "'*' may only end a name (it marks a stem): " + in_quotes(written));
  }
  row.stem = star != std::string_view::npos;
  row.name = std::string(trim_spaces(row.stem ? written.substr(0, star) : written));
  if (text::matching_form(row.name).empty()) {
    return error(1, in_quotes(written) + " is empty after normalisation");
  }
  if (fields.size() == 3) {
    std::string problem = parse_attributes(fields[2], row.attributes);
    if (!problem.empty()) {
      return error(2, problem);
    }
  }
  for (std::string_view key : {"valid_from", "valid_to"}) {
    auto it = std::find_if(row.attributes.begin(), row.attributes.end(),
                           [key](const auto& attribute) { return attribute.first == key; });
    if (it != row.attributes.end() && !parse_civil_time(it->second)) {
      return error(2, std::string(key) + "=" + it->second + " is not a date (YYYY-MM-DD)");
    }
  }
  auto display =
      std::find_if(row.attributes.begin(), row.attributes.end(),
                   [](const auto& attribute) { return attribute.first == "display_only"; });
  if (display != row.attributes.end()) {
    row.display_only = true;
    row.attributes.erase(display);
  }
  row.language = language;
  row.file = file;
  row.line = line.number;
  return row;
}

// The place fields of one line of places.tsv; references to other places are
// checked once every line is read.
Result<GazetteerPlace> parse_place(const TableLine& line, const std::string& file) {
  auto error = [&](std::size_t column, const std::string& problem) {
    return table_error(file, line.number, column, kPlaceColumns[column], problem);
  };
  const auto& fields = line.fields;
  if (fields.size() != kPlaceColumns.size()) {
    return make_error(ErrorCode::kInvalidInput,
                      file + ":" + std::to_string(line.number) + ": " +
                          std::to_string(fields.size()) + " tab-separated columns; expected " +
                          std::to_string(kPlaceColumns.size()) +
                          " (id, type, lon, lat, where_prec, country, admin1, parent, timezone, "
                          "approximate, source)",
                      std::string(kContext));
  }
  GazetteerPlace place;
  place.id = fields[kId];
  if (!is_valid_slug(place.id)) {
    return error(kId, in_quotes(place.id) + " is not a slug (1-64 of [a-z0-9._-])");
  }
  place.type = fields[kType];
  if (std::find(kPlaceTypes.begin(), kPlaceTypes.end(), place.type) == kPlaceTypes.end()) {
    return error(kType, "unknown type " + in_quotes(place.type) +
                            " (country, admin1, admin2, settlement, mountain, pass, area, border, "
                            "line, water, region, road)");
  }

  if (fields[kLon].empty() != fields[kLat].empty()) {
    std::size_t missing = fields[kLon].empty() ? kLon : kLat;
    return error(missing, "empty while the other coordinate is given");
  }
  if (!fields[kLon].empty()) {
    std::optional<double> lon = parse_degrees(fields[kLon]);
    if (!lon || !(*lon >= -180.0 && *lon <= 180.0)) {
      return error(kLon, in_quotes(fields[kLon]) + " is not a longitude in [-180, 180]");
    }
    std::optional<double> lat = parse_degrees(fields[kLat]);
    if (!lat || !(*lat >= -90.0 && *lat <= 90.0)) {
      return error(kLat, in_quotes(fields[kLat]) + " is not a latitude in [-90, 90]");
    }
    place.point = GeoPoint{Longitude{*lon}, Latitude{*lat}};
  }

  const std::string& where_prec = fields[kWherePrec];
  if (where_prec.size() != 1 || where_prec[0] < '1' || where_prec[0] > '7') {
    return error(kWherePrec, in_quotes(where_prec) + " is not a UCDP where_prec (1 to 7)");
  }
  place.precision = static_cast<LocationPrecision>(where_prec[0] - '0');

  place.countries = split(fields[kCountry], ';');
  for (const std::string& code : place.countries) {
    if (!is_country_code(code)) {
      return error(kCountry, in_quotes(fields[kCountry]) +
                                 " is not a list of ISO 3166-1 alpha-2 codes ('AM', 'AM;AZ')");
    }
  }
  place.admin1 = fields[kAdmin1];
  place.parent = fields[kParent];
  if (place.parent.empty() && place.type != "country") {
    return error(kParent, "empty; only a country has no parent");
  }
  place.timezone = fields[kTimezone];
  if (!place.timezone.empty() && !is_valid_timezone(place.timezone)) {
    return error(kTimezone,
                 in_quotes(place.timezone) + " is not an IANA zone name ('Asia/Yerevan')");
  }
  if (fields[kApproximate] != "yes" && fields[kApproximate] != "no") {
    return error(kApproximate, in_quotes(fields[kApproximate]) + " is neither yes nor no");
  }
  place.approximate = fields[kApproximate] == "yes";
  place.source = fields[kSource];
  if (place.source.empty()) {
    return error(kSource, "empty; say where the coordinates come from");
  }
  return place;
}

}  // namespace

Error table_error(std::string_view file, std::uint32_t line, std::size_t column,
                  std::string_view column_name, std::string_view problem) {
  return make_error(ErrorCode::kInvalidInput,
                    std::string(file) + ":" + std::to_string(line) + ": column " +
                        std::to_string(column + 1) + " '" + std::string(column_name) +
                        "': " + std::string(problem),
                    std::string(kContext));
}

Result<std::vector<TableLine>> read_table(const std::filesystem::path& file,
                                          std::string_view display_name) {
  auto data = read_data_lines(file, display_name);
  if (!data) {
    return std::move(data).error();
  }
  std::vector<TableLine> lines;
  for (const DataLine& line : data.value()) {
    if (!is_valid_utf8(line.text)) {
      return make_error(
          ErrorCode::kInvalidInput,
          std::string(display_name) + ":" + std::to_string(line.number) + ": not valid UTF-8",
          std::string(kContext));
    }
    lines.push_back(TableLine{line.number, split(line.text, '\t')});
  }
  return lines;
}

Result<std::vector<NameRow>> read_name_files(const std::filesystem::path& directory,
                                             std::string_view display_dir, std::string_view what,
                                             const std::function<bool(std::string_view)>& known) {
  std::error_code list_error;
  std::vector<std::filesystem::path> files = sorted_tables(directory, list_error);
  if (list_error) {
    return make_error(ErrorCode::kUnavailable,
                      std::string(display_dir) + ": cannot list " + directory.string() + ": " +
                          list_error.message(),
                      std::string(kContext));
  }
  std::vector<NameRow> rows;
  for (const std::filesystem::path& path : files) {
    std::string file = std::string(display_dir) + "/" + path.filename().string();
    // "ar.tsv", or "ar.countries.tsv" for a part of the names kept apart (generated ones).
    const std::string stem = path.stem().string();
    std::string language = stem.substr(0, stem.find('.'));
    if (language.size() < 2 || language.size() > 3 || !is_lower_word(language, false) ||
        language.find('_') != std::string::npos) {
      return make_error(ErrorCode::kInvalidInput,
                        file +
                            ": the file name must be a language code, with an optional part "
                            "('ar.tsv', 'ru.countries.tsv')",
                        std::string(kContext));
    }
    Result<std::vector<TableLine>> lines = read_table(path, file);
    if (!lines) {
      return std::move(lines).error();
    }
    std::set<std::pair<std::string, std::string>> seen;
    for (const TableLine& line : *lines) {
      Result<NameRow> row = parse_name_row(line, file, language, what, known);
      if (!row) {
        return std::move(row).error();
      }
      if (!seen.emplace(row->id, row->name + (row->stem ? "*" : "")).second) {
        return table_error(
            file, line.number, 1, kNameColumns[1],
            in_quotes(line.fields[1]) + " is listed twice for " + in_quotes(row->id));
      }
      rows.push_back(std::move(row).value());
    }
  }
  return rows;
}

LexiconEntry to_lexicon_entry(const NameRow& row, std::string_view category) {
  LexiconEntry entry;
  entry.category = std::string(category);
  entry.value = row.id;
  entry.phrase = row.stem ? row.name + "*" : row.name;
  entry.language = row.language;
  entry.stem = row.stem;
  entry.attributes = row.attributes;
  entry.file = row.file;
  entry.line = row.line;
  return entry;
}

std::string_view GazetteerPlace::name(std::string_view language) const {
  if (auto it = names.find(language); it != names.end()) {
    return it->second;
  }
  if (auto it = names.find("en"); it != names.end()) {
    return it->second;
  }
  return id;
}

Result<Gazetteer> Gazetteer::load(const std::filesystem::path& data_dir, Lexicon& lexicon) {
  // places.tsv, which must exist, then the other tables beside it (countries.tsv,
  // subdivisions.tsv …) in name order.
  const std::filesystem::path main_table = data_dir / "gazetteer" / "places.tsv";
  std::vector<std::filesystem::path> tables{main_table};
  std::error_code list_error;
  for (std::filesystem::path& table : sorted_tables(data_dir / "gazetteer", list_error)) {
    if (table.filename() != main_table.filename()) {
      tables.push_back(std::move(table));
    }
  }
  Gazetteer gazetteer;
  // The file and line of each place, for later errors.
  std::vector<std::pair<std::string, std::uint32_t>> line_of;
  for (const std::filesystem::path& table : tables) {
    const std::string places_file = "gazetteer/" + table.filename().string();
    Result<std::vector<TableLine>> lines = read_table(table, places_file);
    if (!lines) {
      return std::move(lines).error();
    }
    for (const TableLine& line : *lines) {
      Result<GazetteerPlace> place = parse_place(line, places_file);
      if (!place) {
        return std::move(place).error();
      }
      if (!gazetteer.index_.insert(place->id,
                                   static_cast<std::uint32_t>(gazetteer.places_.size()))) {
        return table_error(places_file, line.number, kId, kPlaceColumns[kId],
                           "duplicate id " + in_quotes(place->id));
      }
      gazetteer.places_.push_back(std::move(place).value());
      line_of.emplace_back(places_file, line.number);
    }
  }

  for (std::size_t i = 0; i < gazetteer.places_.size(); ++i) {
    const GazetteerPlace& place = gazetteer.places_[i];
    if (place.type == "country" && place.countries.size() == 1) {
      gazetteer.countries_.emplace(place.countries.front(), i);  // the first one stays
    }
    if (place.type == "border") {
      gazetteer.borders_.push_back(i);
    }
    for (std::size_t column : {std::size_t{kAdmin1}, std::size_t{kParent}}) {
      const std::string& target = column == kAdmin1 ? place.admin1 : place.parent;
      if (!target.empty() && gazetteer.find(target) == nullptr) {
        return table_error(line_of[i].first, line_of[i].second, column, kPlaceColumns[column],
                           "unknown place " + in_quotes(target));
      }
    }
    // A chain of parents longer than the number of places has a cycle.
    const GazetteerPlace* ancestor = &place;
    for (std::size_t steps = 0; ancestor != nullptr && !ancestor->parent.empty(); ++steps) {
      if (steps > gazetteer.places_.size()) {
        return table_error(line_of[i].first, line_of[i].second, kParent, kPlaceColumns[kParent],
                           "the parents of " + in_quotes(place.id) + " form a cycle");
      }
      ancestor = gazetteer.find(ancestor->parent);
    }
  }

  Result<std::vector<NameRow>> names =
      read_name_files(data_dir / "gazetteer" / "names", "gazetteer/names", "place",
                      [&gazetteer](std::string_view id) { return gazetteer.find(id) != nullptr; });
  if (!names) {
    return std::move(names).error();
  }
  for (const NameRow& row : *names) {
    const std::size_t index = gazetteer.index_.find(row.id);
    GazetteerPlace& place = gazetteer.places_[index];
    place.names.emplace(row.language, row.name);  // the first name of a language is preferred
    if (!row.display_only) {
      std::vector<std::size_t>& same =
          gazetteer.named_[row.language + '\t' + text::matching_form(row.name)];
      if (std::find(same.begin(), same.end(), index) == same.end()) {
        same.push_back(index);
      }
      lexicon.add(to_lexicon_entry(row, "place"));
    }
  }
  for (const auto& [name, bearers] : gazetteer.named_) {
    if (bearers.size() > 1) {
      for (const std::size_t index : bearers) {
        gazetteer.places_[index].shares_a_name = true;
      }
    }
  }
  return gazetteer;
}

const GazetteerPlace* Gazetteer::find(std::string_view id) const {
  const std::uint32_t position = index_.find(id);
  return position == IdIndex::kAbsent ? nullptr : &places_[position];
}

std::vector<const GazetteerPlace*> Gazetteer::named(std::string_view language,
                                                    std::string_view phrase) const {
  std::vector<const GazetteerPlace*> found;
  if (const std::vector<std::size_t>* indices = bearers(language, phrase)) {
    found.reserve(indices->size());
    for (std::size_t index : *indices) {
      found.push_back(&places_[index]);
    }
  }
  return found;
}

std::size_t Gazetteer::named_count(std::string_view language, std::string_view phrase) const {
  const std::vector<std::size_t>* indices = bearers(language, phrase);
  return indices == nullptr ? 0 : indices->size();
}

bool Gazetteer::bears_name(std::string_view id, std::string_view language,
                           std::string_view written) const {
  const std::vector<std::size_t>* indices = bearers(language, text::matching_form(written));
  return indices != nullptr && std::any_of(indices->begin(), indices->end(),
                                           [&](std::size_t i) { return places_[i].id == id; });
}

const std::vector<std::size_t>* Gazetteer::bearers(std::string_view language,
                                                   std::string_view phrase) const {
  std::array<char, 128> buffer;  // only the bytes written are read
  std::string long_key;
  std::string_view key;
  if (language.size() + 1 + phrase.size() <= buffer.size()) {
    std::memcpy(buffer.data(), language.data(), language.size());
    buffer[language.size()] = '\t';
    std::memcpy(buffer.data() + language.size() + 1, phrase.data(), phrase.size());
    key = std::string_view(buffer.data(), language.size() + 1 + phrase.size());
  } else {
    long_key.assign(language);
    long_key += '\t';
    long_key += phrase;
    key = long_key;
  }
  const auto it = named_.find(key);
  return it == named_.end() ? nullptr : &it->second;
}

const GazetteerPlace* Gazetteer::country(std::string_view iso_code) const {
  auto it = countries_.find(iso_code);
  return it == countries_.end() ? nullptr : &places_[it->second];
}

std::vector<const GazetteerPlace*> Gazetteer::borders_between(std::string_view country_a,
                                                              std::string_view country_b) const {
  std::vector<const GazetteerPlace*> borders;
  if (country_a == country_b) {
    return borders;
  }
  for (const std::size_t index : borders_) {
    const GazetteerPlace& place = places_[index];
    auto has = [&place](std::string_view code) {
      return std::find(place.countries.begin(), place.countries.end(), code) !=
             place.countries.end();
    };
    if (has(country_a) && has(country_b)) {
      borders.push_back(&place);
    }
  }
  return borders;
}

bool Gazetteer::within(std::string_view place_id, std::string_view ancestor_id) const {
  const GazetteerPlace* place = find(place_id);
  // Load rejected parent cycles, so the walk ends.
  while (place != nullptr) {
    if (place->id == ancestor_id) {
      return true;
    }
    place = place->parent.empty() ? nullptr : find(place->parent);
  }
  return false;
}

bool Gazetteer::nearby(std::string_view one_id, std::string_view other_id) const {
  const GazetteerPlace* one = find(one_id);
  const GazetteerPlace* other = find(other_id);
  const auto local = [](const GazetteerPlace* place) {
    return place != nullptr && place->point && place->precision <= LocationPrecision::kNear;
  };
  return local(one) && local(other) && haversine_km(*one->point, *other->point) <= kNearbyKm;
}

Place Gazetteer::to_place(const GazetteerPlace& place, std::string written) const {
  Place result;
  result.name = std::move(written);
  if (place.point) {
    result.geometry = make_point(place.point->lon.degrees, place.point->lat.degrees);
  }
  result.precision = place.precision;
  if (place.countries.size() == 1) {
    result.country = place.countries.front();
  }
  if (const GazetteerPlace* admin1 = find(place.admin1); admin1 != nullptr) {
    result.admin1 = std::string(admin1->name("en"));
  }
  return result;
}

}  // namespace truce::extract
