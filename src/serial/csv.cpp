// The claims CSV format: one claim per row, each row carrying its source and
// document (docs/formats/csv.md). Parsing a row is detail/csv_row_reader; this
// file merges sources and documents across rows, runs core validation and
// words every problem as "FILE:LINE: column 'NAME': PROBLEM".
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/validation.hpp"
#include "serial/detail/csv_cells.hpp"
#include "serial/detail/csv_columns.hpp"
#include "serial/detail/csv_field_map.hpp"
#include "serial/detail/csv_row_reader.hpp"
#include "serial/detail/csv_row_writer.hpp"
#include "serial/detail/csv_table.hpp"
#include "serial/formats.hpp"

namespace truce::serial {
namespace {

using detail::Column;
using detail::ColumnMap;
using detail::CsvRecord;
using detail::RowRecords;
using detail::RowView;

// Enough to fix a spreadsheet in one go without burying the first problem.
constexpr std::size_t kMaxProblems = 20;

constexpr std::array kSourceColumns{Column::kSourceName,        Column::kSourceReliability,
                                    Column::kSourceAffiliation, Column::kSourceActorId,
                                    Column::kSourceActorName,   Column::kSourceUrl};

constexpr std::array kDocumentColumns{
    Column::kSourceId,         Column::kDocumentKind,      Column::kDocumentTitle,
    Column::kDocumentLanguage, Column::kDocumentPublished, Column::kDocumentUrl,
    Column::kDocumentOrigin,   Column::kDocumentRef,       Column::kDocumentHash};

std::string actor_id(const std::optional<ActorRef>& actor) {
  return actor ? actor->id : "";
}
std::string actor_name(const std::optional<ActorRef>& actor) {
  return actor ? actor->name : "";
}

// Whether two rows' values of one column differ, compared as parsed values
// rather than cell text, so " A" and "A" or "a > b" and "a>b" agree.
bool source_differs(Column column, const Source& a, const Source& b) {
  switch (column) {
    case Column::kSourceName: return a.name != b.name;
    case Column::kSourceReliability: return a.reliability != b.reliability;
    case Column::kSourceAffiliation: return a.affiliation.kind != b.affiliation.kind;
    case Column::kSourceActorId:
      return actor_id(a.affiliation.actor) != actor_id(b.affiliation.actor);
    case Column::kSourceActorName:
      return actor_name(a.affiliation.actor) != actor_name(b.affiliation.actor);
    case Column::kSourceUrl: return a.url != b.url;
    default: return false;
  }
}

bool document_differs(Column column, const Document& a, const Document& b) {
  switch (column) {
    case Column::kSourceId: return a.source != b.source;
    case Column::kDocumentKind: return a.kind != b.kind;
    case Column::kDocumentTitle: return a.title != b.title;
    case Column::kDocumentLanguage: return a.language != b.language;
    case Column::kDocumentPublished: return a.published != b.published;
    case Column::kDocumentUrl: return a.url != b.url;
    case Column::kDocumentOrigin: return a.origin != b.origin;
    case Column::kDocumentRef: return a.external_ref != b.external_ref;
    case Column::kDocumentHash: return a.content_hash != b.content_hash;
    default: return false;
  }
}

std::string quote(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

class BatchReader {
 public:
  BatchReader(std::string_view file_name, const std::vector<std::string>& header,
              const ColumnMap& columns)
      : file_name_(file_name), header_(header), columns_(columns) {
    batch_.origin = std::string(file_name);
  }

  bool full() const { return problems_.size() >= kMaxProblems; }

  void add(const CsvRecord& record) {
    if (record.cells.size() != header_.size()) {
      report_cell_count(record);
      return;
    }
    RowView row(record, columns_);
    std::vector<detail::CellProblem> cell_problems;
    RowRecords records = detail::read_row(row, cell_problems);
    if (!cell_problems.empty()) {
      for (auto& problem : cell_problems) {
        report(record.line, problem.column, std::move(problem.message));
      }
      return;
    }
    add_source(record, records);
    std::string document_id = provisional_document_id(record, records);
    add_document(record, records, document_id);
    records.claim.document = DocumentId(document_id);
    for (const auto& problem : check_claim(records.claim, std::nullopt)) {
      report_field(record.line, detail::column_for_claim_field(problem.field, records), "claim",
                   problem);
    }
    batch_.claims.push_back(std::move(records.claim));
    batch_.claim_locations.push_back(location(record.line));
  }

  Result<IntakeBatch> finish() && {
    if (problems_.empty()) {
      return std::move(batch_);
    }
    std::string message;
    for (const auto& problem : problems_) {
      message += (message.empty() ? "" : "\n") + problem;
    }
    if (full()) {
      message += "\n(only the first " + std::to_string(kMaxProblems) + " problems are listed)";
    }
    return make_error(ErrorCode::kInvalidInput, message, "serial.csv: read claims");
  }

 private:
  // The first row that mentioned a source or document, for agreement checks.
  // The records outlive this reader.
  struct FirstUse {
    std::size_t index = 0;  // into the batch's vector
    const CsvRecord* record = nullptr;
  };

  std::string location(std::size_t line) const { return file_name_ + ":" + std::to_string(line); }

  void report(std::size_t line, Column column, std::string problem) {
    if (!full()) {
      problems_.push_back(location(line) + ": column '" + std::string(detail::column_name(column)) +
                          "': " + std::move(problem));
    }
  }

  void report_field(std::size_t line, std::optional<Column> column, std::string_view record_kind,
                    const FieldProblem& problem) {
    std::string text =
        problem.message + " (" + std::string(record_kind) + " field " + problem.field + ")";
    if (column) {
      report(line, *column, std::move(text));
    } else if (!full()) {
      problems_.push_back(location(line) + ": " + std::move(text));
    }
  }

  void report_cell_count(const CsvRecord& record) {
    std::string counts = "the row has " + std::to_string(record.cells.size()) +
                         " cells but the header has " + std::to_string(header_.size());
    if (record.cells.size() < header_.size()) {
      std::string_view first_missing = detail::trim_blanks(header_[record.cells.size()]);
      if (!full()) {
        problems_.push_back(location(record.line) + ": column '" + std::string(first_missing) +
                            "': is missing: " + counts);
      }
    } else if (!full()) {
      problems_.push_back(location(record.line) + ": " + counts +
                          " (is there a comma in a cell that is not quoted?)");
    }
  }

  // `kind` is "source" or "document"; `id` names the record.
  void report_disagreement(const CsvRecord& record, Column column, const CsvRecord& first,
                           std::string_view kind, const std::string& id) {
    RowView row(record, columns_);
    RowView first_row(first, columns_);
    report(record.line, column,
           quote(row.text(column)) + " differs from " + quote(first_row.text(column)) +
               " on line " + std::to_string(first.line) + " for " + std::string(kind) + " '" + id +
               "'; all rows of one " + std::string(kind) + " must agree");
  }

  void add_source(const CsvRecord& record, const RowRecords& records) {
    const std::string& id = records.source.id.str();
    if (auto found = sources_.find(id); found != sources_.end()) {
      const Source& first = batch_.sources[found->second.index];
      for (Column column : kSourceColumns) {
        if (source_differs(column, records.source, first)) {
          report_disagreement(record, column, *found->second.record, "source", id);
        }
      }
      return;
    }
    for (const auto& problem : check_source(records.source)) {
      report_field(record.line, detail::column_for_source_field(problem.field), "source", problem);
    }
    sources_.emplace(id, FirstUse{batch_.sources.size(), &record});
    batch_.sources.push_back(records.source);
    batch_.source_locations.push_back(location(record.line));
  }

  // "doc_..." as given, "key:" + document_key, or for rows naming neither one
  // document per (source, url, title, published), named after its first line.
  std::string provisional_document_id(const CsvRecord& record, const RowRecords& records) {
    switch (records.document_ref) {
      case detail::DocumentRef::kId: return records.document_ref_text;
      case detail::DocumentRef::kKey: return "key:" + records.document_ref_text;
      case detail::DocumentRef::kImplicit: break;
    }
    const Document& document = records.document;
    auto key = std::make_tuple(document.source.str(), document.url, document.title,
                               document.published ? format_civil_time(*document.published) : "");
    auto [found, inserted] =
        implicit_documents_.emplace(key, "line:" + std::to_string(record.line));
    return found->second;
  }

  void add_document(const CsvRecord& record, RowRecords& records, const std::string& id) {
    if (auto found = documents_.find(id); found != documents_.end()) {
      const Document& first = batch_.documents[found->second.index];
      for (Column column : kDocumentColumns) {
        if (document_differs(column, records.document, first)) {
          report_disagreement(record, column, *found->second.record, "document", id);
        }
      }
      return;
    }
    records.document.id = DocumentId(id);
    for (const auto& problem : check_document(records.document)) {
      report_field(record.line, detail::column_for_document_field(problem.field, records),
                   "document", problem);
    }
    documents_.emplace(id, FirstUse{batch_.documents.size(), &record});
    batch_.documents.push_back(records.document);
    batch_.document_locations.push_back(location(record.line));
  }

  std::string file_name_;
  const std::vector<std::string>& header_;
  const ColumnMap& columns_;
  IntakeBatch batch_;
  std::vector<std::string> problems_;
  std::unordered_map<std::string, FirstUse> sources_;
  std::unordered_map<std::string, FirstUse> documents_;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::string>
      implicit_documents_;
};

Error table_error(std::string_view file_name, const detail::CsvTable& table) {
  const auto& problem = *table.problem;
  std::string message = std::string(file_name) + ":" + std::to_string(problem.line) + ": ";
  // Name the column when the header was read and the faulty cell is under it.
  if (!table.records.empty() && problem.cell < table.records.front().cells.size() &&
      problem.line > table.records.front().line) {
    message += "column '" +
               std::string(detail::trim_blanks(table.records.front().cells[problem.cell])) + "': ";
  }
  return make_error(ErrorCode::kInvalidInput, message + problem.message, "serial.csv: read table");
}

}  // namespace

Result<IntakeBatch> read_claims_csv(std::string_view text, std::string_view file_name) {
  auto table = detail::parse_csv_table(text);
  if (table.problem) {
    return table_error(file_name, table);
  }
  if (table.records.empty()) {
    return make_error(ErrorCode::kInvalidInput,
                      std::string(file_name) +
                          ":1: the file is empty; its first line must be the header "
                          "(see docs/formats/csv.md)",
                      "serial.csv: read header");
  }
  const CsvRecord& header = table.records.front();
  auto columns = detail::map_header(header.cells, header.line, file_name);
  if (!columns) {
    return std::move(columns).error();
  }
  BatchReader reader(file_name, header.cells, *columns);
  for (std::size_t i = 1; i < table.records.size() && !reader.full(); ++i) {
    reader.add(table.records[i]);
  }
  return std::move(reader).finish();
}

std::string write_claims_csv(const IntakeBatch& batch) {
  std::map<std::string, const Document*> documents;
  for (const auto& document : batch.documents) {
    documents.emplace(document.id.str(), &document);
  }
  std::map<std::string, const Source*> sources;
  for (const auto& source : batch.sources) {
    sources.emplace(source.id.str(), &source);
  }
  std::string out;
  auto append_row = [&out](const auto& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      detail::append_csv_cell(out, cells[i]);
    }
    out += '\n';
  };
  std::array<std::string_view, detail::kColumnCount> header;
  for (std::size_t i = 0; i < header.size(); ++i) {
    header[i] = detail::column_name(detail::all_columns()[i]);
  }
  append_row(header);
  for (const auto& claim : batch.claims) {
    const Document* document = nullptr;
    const Source* source = nullptr;
    if (auto found = documents.find(claim.document.str()); found != documents.end()) {
      document = found->second;
      if (auto source_found = sources.find(document->source.str()); source_found != sources.end()) {
        source = source_found->second;
      }
    }
    append_row(detail::claim_row(claim, document, source));
  }
  return out;
}

}  // namespace truce::serial
