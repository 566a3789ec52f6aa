<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>main</name>
    <message>
        <source>Không tìm thấy tệp dự án %1</source>
        <translation>Project file %1 not found</translation>
    </message>
    <message>
        <source>Không mở được dự án:
%1</source>
        <translation>Cannot open the project:
%1</translation>
    </message>
</context>
<context>
    <name>planmap::gui::AttributeTable</name>
    <message>
        <source>Lọc: gõ chữ có dấu hoặc không dấu…</source>
        <translation>Filter: type with or without diacritics…</translation>
    </message>
    <message>
        <source>Chỉ hiện đối tượng đang chọn</source>
        <translation>Selected features only</translation>
    </message>
    <message>
        <source>Phóng tới vùng chọn</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <source>Bỏ chọn</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>Bảng thuộc tính — %1</source>
        <translation>Attribute table — %1</translation>
    </message>
    <message>
        <source>Hiển thị %1 / %2 đối tượng, đang chọn %3</source>
        <translation>Showing %1 of %2 features, %3 selected</translation>
    </message>
</context>
<context>
    <name>planmap::gui::CoordinateFormatter</name>
    <message>
        <source>B</source>
        <translation>N</translation>
    </message>
    <message>
        <source>N</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Đ</source>
        <translation>E</translation>
    </message>
    <message>
        <source>T</source>
        <translation>W</translation>
    </message>
</context>
<context>
    <name>planmap::gui::IdentifyPanel</name>
    <message>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Chỉ tiêu kế hoạch liên quan</source>
        <translation>Linked plan indicators</translation>
    </message>
    <message>
        <source>Nhấn vào một đối tượng trên bản đồ (công cụ Xem thông tin) để xem thông tin.</source>
        <translation>Click a feature on the map (Identify tool) to see its details.</translation>
    </message>
    <message>
        <source>Thuộc tính</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>Đơn vị hành chính</source>
        <translation>Administrative units</translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Không có chỉ tiêu kế hoạch liên quan</source>
        <translation>No linked plan indicators</translation>
    </message>
    <message>
        <source>Chỉ tiêu kế hoạch liên quan (%1)</source>
        <translation>Linked plan indicators (%1)</translation>
    </message>
    <message>
        <source>Kế hoạch: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>Đạt được: %1</source>
        <translation>Achieved: %1</translation>
    </message>
    <message>
        <source>đến %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <source>chưa có số liệu</source>
        <translation>no figures yet</translation>
    </message>
    <message>
        <source>chỉ tiêu của %1</source>
        <translation>target of %1</translation>
    </message>
</context>
<context>
    <name>planmap::gui::LayerPanel</name>
    <message>
        <source>Đưa lớp lên trên</source>
        <translation>Move layer up</translation>
    </message>
    <message>
        <source>Đưa lớp xuống dưới</source>
        <translation>Move layer down</translation>
    </message>
    <message>
        <source>Kiểu hiển thị…</source>
        <translation>Style…</translation>
    </message>
    <message>
        <source>Bảng thuộc tính</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <source>Độ đục</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Nhãn</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Phóng tới lớp</source>
        <translation>Zoom to layer</translation>
    </message>
</context>
<context>
    <name>planmap::gui::LayerTreeModel</name>
    <message>
        <source>Dữ liệu minh họa, không phải số liệu thật</source>
        <translation>Illustrative data, not real figures</translation>
    </message>
    <message>
        <source>minh họa</source>
        <translation>illustrative</translation>
    </message>
    <message>
        <source>%1 đối tượng</source>
        <translation>%1 features</translation>
    </message>
    <message>
        <source>Không hiển thị ở tỉ lệ hiện tại</source>
        <translation>Not shown at the current scale</translation>
    </message>
</context>
<context>
    <name>planmap::gui::MainWindow</name>
    <message>
        <source>planmap — Bản đồ kế hoạch</source>
        <translation>planmap — Plan map</translation>
    </message>
    <message>
        <source>vẽ %1 ms</source>
        <translation>drawn in %1 ms</translation>
    </message>
    <message>
        <source>Lớp bản đồ</source>
        <translation>Map layers</translation>
    </message>
    <message>
        <source>Chú giải</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Thông tin đối tượng</source>
        <translation>Feature information</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Mở dự án…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>&amp;Xuất ảnh bản đồ…</source>
        <translation>&amp;Export map image…</translation>
    </message>
    <message>
        <source>T&amp;hoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Điều hướng</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Di chuyển</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>Xem thông tin</source>
        <translation>Identify</translation>
    </message>
    <message>
        <source>Chọn đối tượng</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>Kéo để di chuyển bản đồ, lăn chuột để phóng to/thu nhỏ</source>
        <translation>Drag to move the map, scroll to zoom in/out</translation>
    </message>
    <message>
        <source>Nhấn vào đối tượng để xem thuộc tính, đơn vị hành chính và chỉ tiêu kế hoạch</source>
        <translation>Click a feature to see its attributes, administrative units and plan indicators</translation>
    </message>
    <message>
        <source>Nhấn để chọn; giữ Shift để chọn thêm</source>
        <translation>Click to select; hold Shift to add to the selection</translation>
    </message>
    <message>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Toàn tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <source>Phóng tới toàn bộ dự án</source>
        <translation>Zoom to the whole project</translation>
    </message>
    <message>
        <source>Phóng tới lớp</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <source>Phóng tới vùng chọn</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <source>Khung nhìn trước</source>
        <translation>Previous extent</translation>
    </message>
    <message>
        <source>Khung nhìn sau</source>
        <translation>Next extent</translation>
    </message>
    <message>
        <source>Tìm kiếm</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Đơn vị hành chính 2025 (xã, phường)</source>
        <translation>Administrative units 2025 (communes, wards)</translation>
    </message>
    <message>
        <source>Đơn vị hành chính 2023 (huyện, thành phố)</source>
        <translation>Administrative units 2023 (districts, city)</translation>
    </message>
    <message>
        <source>&amp;Lớp</source>
        <translation>&amp;Layer</translation>
    </message>
    <message>
        <source>Kiểu hiển thị…</source>
        <translation>Style…</translation>
    </message>
    <message>
        <source>Bảng thuộc tính</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <source>Khôi phục kiểu mặc định của mọi lớp</source>
        <translation>Restore the default style of every layer</translation>
    </message>
    <message>
        <source>&amp;Cài đặt</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>Ngôn ngữ / Language</source>
        <translation>Ngôn ngữ / Language</translation>
    </message>
    <message>
        <source>Hệ tọa độ hiển thị</source>
        <translation>Display coordinate system</translation>
    </message>
    <message>
        <source>Tỉ lệ bản đồ; gõ tỉ lệ mới rồi nhấn Enter</source>
        <translation>Map scale; type a new scale and press Enter</translation>
    </message>
    <message>
        <source>Tọa độ con trỏ theo WGS 84 (vĩ độ, kinh độ)</source>
        <translation>Cursor position in WGS 84 (latitude, longitude)</translation>
    </message>
    <message>
        <source>Tọa độ con trỏ theo VN-2000 / TM-3 kinh tuyến trục 107°15′ (EPSG:9215)</source>
        <translation>Cursor position in VN-2000 / TM-3 central meridian 107°15′ (EPSG:9215)</translation>
    </message>
    <message>
        <source>Hệ tọa độ hiển thị bản đồ</source>
        <translation>Display coordinate system of the map</translation>
    </message>
    <message>
        <source>Tỉ lệ</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>%1 — planmap</source>
        <translation>%1 — planmap</translation>
    </message>
    <message>
        <source>Hệ tọa độ</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <source>Không chuyển được hệ tọa độ: %1</source>
        <translation>Cannot switch the coordinate system: %1</translation>
    </message>
    <message>
        <source>Không đọc được thông tin liên quan: %1</source>
        <translation>Cannot read the related information: %1</translation>
    </message>
    <message>
        <source>"%1" không có hình trên bản đồ (đơn vị cũ chưa có ranh giới).</source>
        <translation>"%1" has no shape on the map (former unit without boundary).</translation>
    </message>
    <message>
        <source>Mở dự án</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Dự án planmap (*.planmap);;Mọi tệp (*)</source>
        <translation>planmap projects (*.planmap);;All files (*)</translation>
    </message>
    <message>
        <source>Không mở được dự án:
%1</source>
        <translation>Cannot open the project:
%1</translation>
    </message>
    <message>
        <source>Xuất ảnh bản đồ</source>
        <translation>Export map image</translation>
    </message>
    <message>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Không ghi được tệp %1</source>
        <translation>Cannot write the file %1</translation>
    </message>
    <message>
        <source>&amp;Kế hoạch</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Phân tích</source>
        <translation>&amp;Analyses</translation>
    </message>
    <message>
        <source>&amp;In ấn</source>
        <translation>&amp;Print</translation>
    </message>
</context>
<context>
    <name>planmap::gui::MapLayer</name>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ScaleRangeEdit</name>
    <message>
        <source>Ẩn khi thu nhỏ hơn</source>
        <translation>Hide when zoomed out beyond</translation>
    </message>
    <message>
        <source>Ẩn khi phóng to hơn</source>
        <translation>Hide when zoomed in beyond</translation>
    </message>
    <message>
        <source>Lớp không hiển thị khi mẫu số tỉ lệ lớn hơn giá trị này</source>
        <translation>The layer is hidden when the scale denominator is larger than this</translation>
    </message>
    <message>
        <source>Lớp không hiển thị khi mẫu số tỉ lệ nhỏ hơn giá trị này</source>
        <translation>The layer is hidden when the scale denominator is smaller than this</translation>
    </message>
    <message>
        <source>Không giới hạn</source>
        <translation>No limit</translation>
    </message>
</context>
<context>
    <name>planmap::gui::SearchBox</name>
    <message>
        <source>Tìm xã, huyện, thôn, chợ, công trình…</source>
        <translation>Find a commune, district, village, market, project…</translation>
    </message>
</context>
<context>
    <name>planmap::gui::StoreProjectData</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tên đầy đủ</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Loại đơn vị</source>
        <translation>Unit type</translation>
    </message>
    <message>
        <source>Khu vực (I, II, III)</source>
        <translation>Area (I, II, III)</translation>
    </message>
    <message>
        <source>Đặc biệt khó khăn</source>
        <translation>Extremely difficult</translation>
    </message>
    <message>
        <source>An toàn khu</source>
        <translation>Safe zone (ATK)</translation>
    </message>
    <message>
        <source>Biên giới</source>
        <translation>Border</translation>
    </message>
    <message>
        <source>Dữ liệu minh họa</source>
        <translation>Illustrative data</translation>
    </message>
    <message>
        <source>Khu vực %1</source>
        <translation>Area %1</translation>
    </message>
    <message>
        <source>Xã (từ 01/7/2025)</source>
        <translation>Commune (from 1 July 2025)</translation>
    </message>
    <message>
        <source>Xã (trước 01/7/2025)</source>
        <translation>Commune (before 1 July 2025)</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Đơn vị hành chính từ 01/7/2025</source>
        <translation>Administrative unit from 1 July 2025</translation>
    </message>
    <message>
        <source>Đơn vị hành chính trước 01/7/2025</source>
        <translation>Administrative unit before 1 July 2025</translation>
    </message>
    <message>
        <source>từ 01/7/2025</source>
        <translation>from 1 July 2025</translation>
    </message>
    <message>
        <source>trước 01/7/2025</source>
        <translation>before 1 July 2025</translation>
    </message>
    <message>
        <source>(một phần)</source>
        <translation>(part)</translation>
    </message>
    <message>
        <source>Hợp thành từ (trước 01/7/2025)</source>
        <translation>Formed from (before 1 July 2025)</translation>
    </message>
    <message>
        <source>Nhập vào (từ 01/7/2025)</source>
        <translation>Merged into (from 1 July 2025)</translation>
    </message>
    <message>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Thành phố</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Huyện</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Quận</source>
        <translation>Urban district</translation>
    </message>
    <message>
        <source>Thị xã</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Phường</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Thị trấn</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>Đặc khu</source>
        <translation>Special zone</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <source>Bản</source>
        <translation>Village (bản)</translation>
    </message>
    <message>
        <source>Làng</source>
        <translation>Village (làng)</translation>
    </message>
    <message>
        <source>Xóm</source>
        <translation>Hamlet (xóm)</translation>
    </message>
    <message>
        <source>Ấp</source>
        <translation>Hamlet (ấp)</translation>
    </message>
    <message>
        <source>Buôn</source>
        <translation>Village (buôn)</translation>
    </message>
    <message>
        <source>Tổ dân phố</source>
        <translation>Residential group</translation>
    </message>
    <message>
        <source>Khối</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Khu phố</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>planmap::gui::StyleDialog</name>
    <message>
        <source>Kiểu hiển thị — %1</source>
        <translation>Style — %1</translation>
    </message>
    <message>
        <source>Ký hiệu</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Một ký hiệu</source>
        <translation>Single symbol</translation>
    </message>
    <message>
        <source>Phân loại theo trường</source>
        <translation>Categorized by a field</translation>
    </message>
    <message>
        <source>Phân cấp theo giá trị số</source>
        <translation>Graduated by a numeric field</translation>
    </message>
    <message>
        <source>Kiểu</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Khoảng đều</source>
        <translation>Equal interval</translation>
    </message>
    <message>
        <source>Phân vị (số lượng bằng nhau)</source>
        <translation>Quantile (equal count)</translation>
    </message>
    <message>
        <source>Ngắt tự nhiên (Jenks)</source>
        <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
        <source>Phương pháp</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Số cấp</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Đảo ngược</source>
        <translation>Invert</translation>
    </message>
    <message>
        <source>Dải màu</source>
        <translation>Colour ramp</translation>
    </message>
    <message>
        <source>Màu nền</source>
        <translation>Fill colour</translation>
    </message>
    <message>
        <source>Màu viền</source>
        <translation>Stroke colour</translation>
    </message>
    <message>
        <source>Độ rộng nét</source>
        <translation>Stroke width</translation>
    </message>
    <message>
        <source>Nền</source>
        <translation>Fill</translation>
    </message>
    <message>
        <source>Viền</source>
        <translation>Stroke</translation>
    </message>
    <message>
        <source>Ký hiệu gốc</source>
        <translation>Base symbol</translation>
    </message>
    <message>
        <source>Tròn</source>
        <translation>Circle</translation>
    </message>
    <message>
        <source>Vuông</source>
        <translation>Square</translation>
    </message>
    <message>
        <source>Tam giác</source>
        <translation>Triangle</translation>
    </message>
    <message>
        <source>Thoi</source>
        <translation>Diamond</translation>
    </message>
    <message>
        <source>Chữ thập</source>
        <translation>Cross</translation>
    </message>
    <message>
        <source>Sao</source>
        <translation>Star</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Phân loại lại</source>
        <translation>Classify again</translation>
    </message>
    <message>
        <source>Số đối tượng</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>Nhãn</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Hiện nhãn</source>
        <translation>Show labels</translation>
    </message>
    <message>
        <source>Chữ đậm</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Trường nhãn</source>
        <translation>Label field</translation>
    </message>
    <message>
        <source>Hiển thị</source>
        <translation>Rendering</translation>
    </message>
    <message>
        <source>Độ đục</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn màu</source>
        <translation>Choose a colour</translation>
    </message>
    <message>
        <source>Chỉ lấy %1 giá trị đầu tiên; các giá trị khác vẽ bằng ký hiệu "Khác".</source>
        <translation>Only the first %1 values are used; other values are drawn with the "Other" symbol.</translation>
    </message>
    <message>
        <source>Không phân loại được: %1</source>
        <translation>Cannot classify: %1</translation>
    </message>
    <message>
        <source>%1 đối tượng không có ký hiệu (không vẽ).</source>
        <translation>%1 features have no symbol (not drawn).</translation>
    </message>
</context>
</TS>