pub struct Index; pub struct IndexEntry;
