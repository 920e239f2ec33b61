// The SQLite store meets every requirement with the methods it has always had (synchronous ones meet the
// protocol's `async` requirements as they are).
extension PostingStore: AnalysisStore {
    public var location: StoreLocation { .sqlite(path: path) }
}
