// Reads one CSV record into the source, document and claim it describes,
// without looking at other rows: the batch assembly (csv.cpp) merges sources
// and documents across rows and runs core validation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"
#include "serial/detail/csv_columns.hpp"
#include "serial/detail/csv_table.hpp"

namespace truce::serial::detail {

// Cells of one record by column; absent columns read as empty cells.
class RowView {
 public:
  RowView(const CsvRecord& record, const ColumnMap& columns) : record_(record), columns_(columns) {}

  std::size_t line() const { return record_.line; }
  // The cell as written (free text keeps its blanks).
  std::string_view text(Column column) const;
  // The cell without leading and trailing blanks (ids, numbers, words).
  std::string_view word(Column column) const;

 private:
  const CsvRecord& record_;
  const ColumnMap& columns_;
};

struct CellProblem {
  Column column;
  std::string message;  // the problem only: "\"seven\" is not a number ..."
};

// How the row names its document.
enum class DocumentRef { kId, kKey, kImplicit };

struct RowRecords {
  Source source;
  Document document;  // id left empty: the batch assigns the provisional id
  DocumentRef document_ref = DocumentRef::kImplicit;
  std::string document_ref_text;  // the document_id or document_key as given
  Claim claim;                    // document left empty, as above
  // For each entry of claim.casualties, the column it was read from, so that
  // validation problems of "casualties/N/..." name the right column.
  std::vector<Column> casualty_columns;
  bool place_from_lon_lat = false;  // the geometry came from lon/lat, not `geometry`
};

// Reads the record; appends one problem per faulty cell, in column order. The
// records are meaningful only when no problem was added.
RowRecords read_row(const RowView& row, std::vector<CellProblem>& problems);

}  // namespace truce::serial::detail
