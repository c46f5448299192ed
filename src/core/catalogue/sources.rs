//! The sources the catalogue is built from, one line each: where its files are, how they are laid
//! out, and which reader turns a record into a [`Procedure`]. A new source is a new reader and one
//! line here; `hoso catalogue import` reads every source it finds.

use serde_json::Value;

use super::import::{import_bqp, import_record, ImportError};
use super::model::Procedure;

/// How a source's files are laid out under its folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One folder per ministry (its name is the ministry), one JSON file per procedure.
    MinistryFolders,
    /// One folder of JSON files, all of one ministry.
    Flat { dir: &'static str, ministry: &'static str },
}

/// Which reader understands the source's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The national procedure database crawl (flat Latin keys, tables run together as text).
    NationalCrawl,
    /// The per-procedure exports of the Ministry of National Defence (Vietnamese keys, split tables).
    BqpExport,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// The folder's name under the data directory, recorded on each procedure.
    pub id: &'static str,
    /// For people: what the source is.
    pub name: &'static str,
    /// When it was taken (month/year).
    pub date: &'static str,
    pub layout: Layout,
    pub reader: Reader,
}

/// The sources, the newest national snapshot first (its date is the catalogue's version).
pub const SOURCES: &[Source] = &[
    Source {
        id: "tthc-2026-07",
        name: "Cơ sở dữ liệu quốc gia về thủ tục hành chính, Cổng Dịch vụ công quốc gia",
        date: "07/2026",
        layout: Layout::MinistryFolders,
        reader: Reader::NationalCrawl,
    },
    Source {
        id: "tthc-bqp-2025-12",
        name: "Bản xuất chi tiết thủ tục của Bộ Quốc phòng trên Cổng Dịch vụ công quốc gia",
        date: "12/2025",
        layout: Layout::Flat { dir: "procedures", ministry: "bo-quoc-phong" },
        reader: Reader::BqpExport,
    },
];

impl Source {
    pub fn by_id(id: &str) -> Option<&'static Source> {
        SOURCES.iter().find(|s| s.id == id)
    }

    /// Reads one record of this source; the procedure records where it came from.
    pub fn import(&self, ministry: &str, record: &Value) -> Result<Procedure, ImportError> {
        let mut p = match self.reader {
            Reader::NationalCrawl => import_record(ministry, record)?,
            Reader::BqpExport => import_bqp(ministry, record)?,
        };
        p.source = Some(self.id.to_string());
        Ok(p)
    }

    /// "Bộ Quốc phòng … (12/2025)".
    pub fn describe(&self) -> String {
        format!("{} ({})", self.name, self.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_source_has_its_reader_and_records_itself_on_the_procedure() {
        let crawl = serde_json::json!({ "ma_thu_tuc": "1.000001", "ten_thu_tuc": "Thủ tục A", "linh_vuc": "Hộ tịch" });
        let p = Source::by_id("tthc-2026-07").unwrap().import("bo-tu-phap", &crawl).unwrap();
        assert_eq!((p.name.as_str(), p.source.as_deref()), ("Thủ tục A", Some("tthc-2026-07")));
        let bqp = serde_json::json!({ "metadata": { "mã_thủ_tục": "1.013124", "tên_thủ_tục": "Thủ tục B", "lĩnh_vực": "Nghĩa vụ quân sự" },
            "tables": { "hinh_thuc_nop": [{ "hinh_thuc": "Trực tiếp", "thoi_han_giai_quyet": "01 Giờ", "phi_le_phi": "Phí : 0 Đồng", "mo_ta": "" }],
                        "thanh_phan_ho_so": [{ "ten_giay_to": "Giấy tờ tùy thân (nếu có)", "so_luong": "", "ghi_chu": "Bản chính: 1\nBản sao: 0" }] } });
        let p = Source::by_id("tthc-bqp-2025-12").unwrap().import("bo-quoc-phong", &bqp).unwrap();
        assert_eq!((p.name.as_str(), p.ministry.as_str(), p.source.as_deref()), ("Thủ tục B", "bo-quoc-phong", Some("tthc-bqp-2025-12")));
        assert_eq!(p.channels[0].fee_vnd, Some(0));
        assert_eq!(p.channels[0].time_limit_text, "01 Giờ");
        assert!(p.documents[0].if_any, "the same text rules run on the split cells");
        assert!(Source::import(&SOURCES[1], "x", &serde_json::json!({})).is_err(), "no code, no procedure");
    }
}
