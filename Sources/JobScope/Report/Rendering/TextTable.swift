import Foundation

/// A plain-text table with aligned columns, for the terminal report.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
        init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Styles a padded cell (row index, column index, text); used to add colour after alignment.
    var style: ((Int, Int, String) -> String)?

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table, indented by `indent` spaces; the header is styled with row index -1.
    func render(indent: Int = 2) -> String {
        var widths = columns.map { $0.title.count }
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String], _ rowIndex: Int) -> String {
            var parts: [String] = []
            for (i, column) in columns.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                // Only the cell's text is styled, never its padding: the line's trailing blanks are trimmed the
                // same with colour as without, and an empty cell stays empty.
                let styled = cell.isEmpty ? cell : (style?(rowIndex, i, cell) ?? cell)
                parts.append(column.alignment == .left ? styled + padding : padding + styled)
            }
            var text = String(repeating: " ", count: indent) + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = [line(columns.map(\.title), -1)]
        for (index, row) in rows.enumerated() { out.append(line(row, index)) }
        return out.joined(separator: "\n")
    }
}
