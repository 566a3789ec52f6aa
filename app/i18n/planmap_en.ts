<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>DashboardData</name>
    <message>
        <source>NS TW</source>
        <translation>Central budget</translation>
    </message>
    <message>
        <source>NS tỉnh</source>
        <translation>Provincial budget</translation>
    </message>
    <message>
        <source>NS huyện</source>
        <translation>District budget</translation>
    </message>
    <message>
        <source>NS xã</source>
        <translation>Commune budget</translation>
    </message>
    <message>
        <source>Vốn tín dụng</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Nguồn khác</source>
        <translation>Other sources</translation>
    </message>
    <message>
        <source>Mọi nguồn</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>ĐTPT</source>
        <translation>investment</translation>
    </message>
    <message>
        <source>sự nghiệp</source>
        <translation>recurrent</translation>
    </message>
    <message>
        <source>tổng</source>
        <translation>total</translation>
    </message>
</context>
<context>
    <name>ProgressImportText</name>
    <message>
        <source>Số liệu đang có: %1</source>
        <translation>Figure in force: %1</translation>
    </message>
    <message>
        <source>chỉ tiêu %1</source>
        <translation>indicator %1</translation>
    </message>
    <message>
        <source>Trang &apos;%1&apos;</source>
        <translation>Sheet &apos;%1&apos;</translation>
    </message>
    <message>
        <source>dòng %1</source>
        <translation>row %1</translation>
    </message>
    <message>
        <source>cột %1</source>
        <translation>column %1</translation>
    </message>
    <message>
        <source>chỉ tiêu</source>
        <translation>indicator</translation>
    </message>
    <message>
        <source>đơn vị hành chính</source>
        <translation>administrative unit</translation>
    </message>
    <message>
        <source>giá trị</source>
        <translation>value</translation>
    </message>
    <message>
        <source>tử số</source>
        <translation>numerator</translation>
    </message>
    <message>
        <source>mẫu số</source>
        <translation>denominator</translation>
    </message>
    <message>
        <source>ngày số liệu</source>
        <translation>as-of date</translation>
    </message>
    <message>
        <source>nguồn số liệu</source>
        <translation>data source</translation>
    </message>
    <message>
        <source>ghi chú</source>
        <translation>note</translation>
    </message>
    <message>
        <source>huyện</source>
        <translation>district</translation>
    </message>
    <message>
        <source>Không đọc được tệp %1 (%2)</source>
        <translation>Cannot read the file %1 (%2)</translation>
    </message>
    <message>
        <source>Tiêu đề &apos;%1&apos; (cột %2) có ở nhiều cột: %3; hãy chọn cột theo chữ cái</source>
        <translation>The header &apos;%1&apos; (%2 column) appears in several columns: %3; choose the column by its letter</translation>
    </message>
    <message>
        <source>Không có cột nào có tiêu đề &apos;%1&apos; (cột %2)</source>
        <translation>No column has the header &apos;%1&apos; (%2 column)</translation>
    </message>
    <message>
        <source>Không tìm thấy cột %1; hãy chọn cột trong phần ghép cột. Tiêu đề của bảng: %2</source>
        <translation>No %1 column found; choose it in the column mapping. The table&apos;s header: %2</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Có giá trị nhưng không có chỉ tiêu</source>
        <translation>A value without an indicator</translation>
    </message>
    <message>
        <source>Không có chỉ tiêu &apos;%1&apos; (không trùng mã hay tên chỉ tiêu nào của kế hoạch)</source>
        <translation>Unknown indicator &apos;%1&apos; (no indicator of the plan has this code or name)</translation>
    </message>
    <message>
        <source>Chỉ tiêu &apos;%1&apos; trùng với nhiều chỉ tiêu (%2); hãy ghi mã chỉ tiêu</source>
        <translation>Indicator &apos;%1&apos; matches several indicators (%2); write the indicator code</translation>
    </message>
    <message>
        <source>&apos;%1&apos; được nhận là chỉ tiêu %2 theo một phần tên; hãy kiểm tra</source>
        <translation>&apos;%1&apos; was taken as indicator %2 by part of its name; check it</translation>
    </message>
    <message>
        <source>Không có huyện &apos;%1&apos;</source>
        <translation>Unknown district &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Không có đơn vị hành chính</source>
        <translation>No administrative unit</translation>
    </message>
    <message>
        <source>Không có đơn vị hành chính &apos;%1&apos;</source>
        <translation>Unknown administrative unit &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Đơn vị &apos;%1&apos; không còn hoặc chưa có hiệu lực vào ngày %2</source>
        <translation>Unit &apos;%1&apos; is not in force on %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; không phải là số (%2)</source>
        <translation>&apos;%1&apos; is not a number (%2)</translation>
    </message>
    <message>
        <source>Giá trị âm (%1) không hợp lệ</source>
        <translation>A negative value (%1) is not valid</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: chỉ tiêu này cần dạng tử số/mẫu số hợp lệ (ví dụ 174/181), hoặc một số duy nhất nếu không phải tỷ lệ</source>
        <translation>&apos;%1&apos;: this indicator needs a valid numerator/denominator (e.g. 174/181), or a single number if it is not a ratio</translation>
    </message>
    <message>
        <source>Cần cả tử số và mẫu số hợp lệ</source>
        <translation>Both a valid numerator and denominator are needed</translation>
    </message>
    <message>
        <source>Giá trị %1 vượt chỉ tiêu kế hoạch %2 (cảnh báo, vẫn nhập)</source>
        <translation>Value %1 is above the planned target %2 (a warning; it is imported)</translation>
    </message>
    <message>
        <source>Tỷ lệ %1 % lớn hơn 100 %</source>
        <translation>Rate %1 % is above 100 %</translation>
    </message>
    <message>
        <source>Tỷ lệ %1 % có vẻ được ghi dạng thập phân; nếu ô hiển thị %2 %, hãy ghi %2</source>
        <translation>Rate %1 % looks like a fraction; if the cell shows %2 %, write %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; được đọc là %2; nếu là %3 (dấu chấm phân cách hàng nghìn), hãy sửa ô</source>
        <translation>&apos;%1&apos; was read as %2; if it means %3 (a thousands dot), fix the cell</translation>
    </message>
    <message>
        <source>&apos;%1&apos; được đọc là %2 (dấu chấm phân cách hàng nghìn)</source>
        <translation>&apos;%1&apos; was read as %2 (a thousands dot)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; không phải là ngày (dd/mm/yyyy)</source>
        <translation>&apos;%1&apos; is not a date (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Không có ngày số liệu; hãy chọn cột ngày hoặc nhập ngày của báo cáo</source>
        <translation>No as-of date; choose the date column or enter the report&apos;s date</translation>
    </message>
    <message>
        <source>Không có giá trị</source>
        <translation>No value</translation>
    </message>
    <message>
        <source>Trùng dòng %1 (cùng chỉ tiêu, đơn vị, ngày và giá trị); bỏ qua dòng này</source>
        <translation>Repeats row %1 (same indicator, unit, date and value); this row is ignored</translation>
    </message>
    <message>
        <source>Dòng %1 đã có giá trị khác cho cùng chỉ tiêu, đơn vị và ngày %2</source>
        <translation>Row %1 has another value for the same indicator, unit and date %2</translation>
    </message>
    <message>
        <source>Bỏ qua: dòng đánh số cột</source>
        <translation>Skipped: column-number row</translation>
    </message>
    <message>
        <source>Bỏ qua: dòng tổng cộng (tổng được tính lại từ các thành phần)</source>
        <translation>Skipped: totals row (totals are recomputed from their parts)</translation>
    </message>
    <message>
        <source>Bỏ qua: không có giá trị</source>
        <translation>Skipped: no value</translation>
    </message>
    <message>
        <source>Bỏ qua: &apos;%1&apos; không có giá trị (tiêu đề mục hoặc chưa báo cáo)</source>
        <translation>Skipped: &apos;%1&apos; has no value (a heading, or nothing reported)</translation>
    </message>
    <message>
        <source>Bỏ qua: &apos;%1&apos; là một mục của kế hoạch, không phải chỉ tiêu</source>
        <translation>Skipped: &apos;%1&apos; is a section of the plan, not an indicator</translation>
    </message>
    <message>
        <source>Bỏ qua dòng</source>
        <translation>Row skipped</translation>
    </message>
    <message>
        <source>Không tìm thấy dòng nào có giá trị</source>
        <translation>No rows with values were found</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Sửa số liệu</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Không đổi (đã có)</source>
        <translation>Unchanged (already there)</translation>
    </message>
</context>
<context>
    <name>ProgressTools</name>
    <message>
        <source>Nhập báo cáo tiến độ…</source>
        <translation>Import a progress report…</translation>
    </message>
    <message>
        <source>Nhập số liệu tiến độ từ báo cáo của huyện (XLSX, ODS, CSV)</source>
        <translation>Import progress figures from a district&apos;s report (XLSX, ODS, CSV)</translation>
    </message>
    <message>
        <source>Bảng tổng hợp</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Biểu đồ tỷ lệ đạt theo dự án, theo huyện và vốn theo nguồn</source>
        <translation>Charts of the percent achieved by project and by district, and of funding by source</translation>
    </message>
    <message>
        <source>Xuất báo cáo tiến độ…</source>
        <translation>Export the progress report…</translation>
    </message>
    <message>
        <source>Báo cáo tiến độ của tỉnh hoặc một huyện (XLSX, CSV)</source>
        <translation>The progress report of the province or one district (XLSX, CSV)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Xuất kết quả phân tích</source>
        <translation>Export analysis result</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx);;GeoPackage (*.gpkg);;CSV, bảng chính (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;GeoPackage (*.gpkg);;CSV, main table (*.csv)</translation>
    </message>
    <message>
        <source>Không ghi được %1:
%2</source>
        <translation>Could not write %1:
%2</translation>
    </message>
    <message>
        <source>Hoàn tác lần nhập</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>Không có lần nhập nào để hoàn tác.</source>
        <translation>There is no import to undo.</translation>
    </message>
    <message>
        <source>Hoàn tác lần nhập %1 (%2, vào %3)?</source>
        <translation>Undo import %1 (%2, into %3)?</translation>
    </message>
    <message>
        <source>Đã hoàn tác lần nhập %1.</source>
        <translation>Import %1 undone.</translation>
    </message>
    <message>
        <source>Nhập dữ liệu…</source>
        <translation>Import data…</translation>
    </message>
    <message>
        <source>Hoàn tác lần nhập gần nhất</source>
        <translation>Undo the last import</translation>
    </message>
    <message>
        <source>Xuất lớp…</source>
        <translation>Export layer…</translation>
    </message>
    <message>
        <source>Đang đọc tệp</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>Đang kiểm tra</source>
        <translation>Checking</translation>
    </message>
    <message>
        <source>Đang ghi vào dự án</source>
        <translation>Writing into the project</translation>
    </message>
    <message>
        <source>  … và %1 dòng nữa</source>
        <translation>  … and %1 more lines</translation>
    </message>
    <message>
        <source>số nguyên</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>số thực</source>
        <translation>real number</translation>
    </message>
    <message>
        <source>chữ</source>
        <translation>text</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>date</translation>
    </message>
    <message>
        <source>có/không</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <source>định dạng lưu Unicode</source>
        <translation>the format stores Unicode</translation>
    </message>
    <message>
        <source>do người dùng chọn</source>
        <translation>chosen by the user</translation>
    </message>
    <message>
        <source>theo tệp .cpg</source>
        <translation>from the .cpg file</translation>
    </message>
    <message>
        <source>tự nhận biết</source>
        <translation>detected</translation>
    </message>
    <message>
        <source>tự nhận biết, chưa chắc chắn</source>
        <translation>detected, not certain</translation>
    </message>
    <message>
        <source>không có tọa độ</source>
        <translation>no coordinates</translation>
    </message>
    <message>
        <source>theo tệp</source>
        <translation>from the file</translation>
    </message>
    <message>
        <source>Định dạng tệp lưu chữ Unicode.</source>
        <translation>The file format stores Unicode text.</translation>
    </message>
    <message>
        <source>Đọc chữ theo bảng mã %1 như đã chọn.</source>
        <translation>Text read as %1, as chosen.</translation>
    </message>
    <message>
        <source>Tệp .cpg ghi “%1”: đọc chữ theo %2.</source>
        <translation>The .cpg file says “%1”: text read as %2.</translation>
    </message>
    <message>
        <source>Tệp .cpg ghi “%1”, một bảng mã chưa đọc được; bảng mã được tự nhận biết.</source>
        <translation>The .cpg file says “%1”, an encoding that cannot be read; the encoding was detected instead.</translation>
    </message>
    <message>
        <source>Văn bản không có chữ tiếng Việt có dấu: đọc như UTF-8.</source>
        <translation>The text has no accented Vietnamese letters: read as UTF-8.</translation>
    </message>
    <message>
        <source>Nhận biết %1 từ %2 từ có chữ tiếng Việt có dấu.</source>
        <translation>Detected %1 from %2 words with accented Vietnamese letters.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Độ hợp lý của các bảng mã: %1.</source>
        <translation>How well each encoding reads the text: %1.</translation>
    </message>
    <message>
        <source>Chưa chắc chắn về bảng mã: hãy xem tên trong bảng xem trước, hoặc chọn bảng mã khác.</source>
        <translation>The encoding is not certain: check the names in the preview table, or choose another encoding.</translation>
    </message>
    <message>
        <source>Nhưng văn bản đọc giống %1 hơn; nếu tên hiển thị sai, hãy chọn bảng mã %1.</source>
        <translation>But the text reads more like %1; if the names look wrong, choose %1.</translation>
    </message>
    <message>
        <source>%1 byte không giải mã được (hiện thành �).</source>
        <translation>%1 bytes could not be decoded (shown as �).</translation>
    </message>
    <message>
        <source>%1 điểm mẫu nằm trong tỉnh (%2 / %3)</source>
        <translation>%1 of the sample points inside the province (%2 / %3)</translation>
    </message>
    <message>
        <source>hệ này được định nghĩa cho vùng khác</source>
        <translation>this CRS is defined for another area</translation>
    </message>
    <message>
        <source>%1 đặt %2 điểm mẫu vào trong tỉnh (%3 / %4).</source>
        <translation>%1 puts %2 of the sample points inside the province (%3 / %4).</translation>
    </message>
    <message>
        <source>Không hệ tọa độ nào khác đặt dữ liệu vào trong tỉnh.</source>
        <translation>No other CRS puts the data inside the province.</translation>
    </message>
    <message>
        <source>%1 cũng đặt dữ liệu vào trong tỉnh nhưng được định nghĩa cho vùng khác; hệ đã chọn là hệ dành cho vùng này.</source>
        <translation>%1 also put the data inside the province but are defined for other areas; the chosen CRS is the one meant for this area.</translation>
    </message>
    <message>
        <source>Các hệ đặt dữ liệu vào trong tỉnh: %1.</source>
        <translation>CRSs that put the data inside the province: %1.</translation>
    </message>
    <message>
        <source>Với hệ tọa độ này, nhiều điểm mẫu nằm ngoài tỉnh: hệ tọa độ có đúng không? Hãy chọn hệ khác trong danh sách.</source>
        <translation>With this CRS many sample points lie outside the province: is it the right one? Choose another from the list.</translation>
    </message>
    <message>
        <source>Cạnh tự cắt nhau</source>
        <translation>Self-intersection</translation>
    </message>
    <message>
        <source>Vòng tự cắt nhau</source>
        <translation>Ring self-intersection</translation>
    </message>
    <message>
        <source>Quá ít điểm để tạo hình</source>
        <translation>Too few points for a geometry</translation>
    </message>
    <message>
        <source>Lỗ thủng nằm ngoài vùng</source>
        <translation>Hole lies outside the polygon</translation>
    </message>
    <message>
        <source>Lỗ thủng lồng vào nhau</source>
        <translation>Nested holes</translation>
    </message>
    <message>
        <source>Phần trong của vùng bị chia cắt</source>
        <translation>Interior is disconnected</translation>
    </message>
    <message>
        <source>Các vùng lồng vào nhau</source>
        <translation>Nested polygons</translation>
    </message>
    <message>
        <source>Vòng bị lặp</source>
        <translation>Duplicate rings</translation>
    </message>
    <message>
        <source>Tọa độ không hợp lệ</source>
        <translation>Invalid coordinate</translation>
    </message>
    <message>
        <source>Vòng không khép kín</source>
        <translation>Ring is not closed</translation>
    </message>
    <message>
        <source>Điểm bị lặp</source>
        <translation>Repeated point</translation>
    </message>
    <message>
        <source>điểm</source>
        <translation>point</translation>
    </message>
    <message>
        <source>đa điểm</source>
        <translation>multipoint</translation>
    </message>
    <message>
        <source>đường</source>
        <translation>line</translation>
    </message>
    <message>
        <source>vòng</source>
        <translation>ring</translation>
    </message>
    <message>
        <source>đa đường</source>
        <translation>multiline</translation>
    </message>
    <message>
        <source>vùng</source>
        <translation>polygon</translation>
    </message>
    <message>
        <source>đa vùng</source>
        <translation>multipolygon</translation>
    </message>
    <message>
        <source>tập hợp hình</source>
        <translation>geometry collection</translation>
    </message>
    <message>
        <source>điểm (mỗi đối tượng một điểm)</source>
        <translation>points (one per feature)</translation>
    </message>
    <message>
        <source>đường (mỗi đối tượng một đường)</source>
        <translation>lines (one per feature)</translation>
    </message>
    <message>
        <source>vùng (mỗi đối tượng một vùng)</source>
        <translation>polygons (one per feature)</translation>
    </message>
    <message>
        <source>mọi loại hình</source>
        <translation>any geometry</translation>
    </message>
    <message>
        <source>%1 không chuyển được</source>
        <translation>%1 cannot be converted</translation>
    </message>
    <message>
        <source>%1 không thuộc các giá trị: %2</source>
        <translation>%1 is not one of: %2</translation>
    </message>
    <message>
        <source>%1 không phải số nguyên</source>
        <translation>%1 is not a whole number</translation>
    </message>
    <message>
        <source>%1 không phải số</source>
        <translation>%1 is not a number</translation>
    </message>
    <message>
        <source>%1 không phải ngày (dd/mm/yyyy hoặc YYYY-MM-DD)</source>
        <translation>%1 is not a date (dd/mm/yyyy or YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1 không phải giá trị có/không (có/không, 1/0, true/false)</source>
        <translation>%1 is not a yes/no value (có/không, 1/0, true/false)</translation>
    </message>
    <message>
        <source>Chi tiết (tiếng Anh, từ bộ nhập dữ liệu):</source>
        <translation>Details (from the importer):</translation>
    </message>
    <message>
        <source>dòng %1</source>
        <translation>row %1</translation>
    </message>
    <message>
        <source>đối tượng %1</source>
        <translation>feature %1</translation>
    </message>
    <message>
        <source>cột “%1”</source>
        <translation>column “%1”</translation>
    </message>
    <message>
        <source>không đổi được từ %1 sang WGS 84 (PROJ: %2)</source>
        <translation>cannot be transformed from %1 to WGS 84 (PROJ: %2)</translation>
    </message>
    <message>
        <source>đọc theo %1, tọa độ như %2 không phải kinh độ/vĩ độ: hệ tọa độ có đúng không?</source>
        <translation>read as %1, coordinates such as %2 are not longitude/latitude: is the CRS right?</translation>
    </message>
    <message>
        <source>hình không hợp lệ (%1)</source>
        <translation>invalid geometry (%1)</translation>
    </message>
    <message>
        <source>tại %1</source>
        <translation>at %1</translation>
    </message>
    <message>
        <source>sửa bằng MakeValid sẽ biến %1 thành %2, mất hình</source>
        <translation>MakeValid would turn the %1 into a %2, losing the shape</translation>
    </message>
    <message>
        <source>sửa bằng MakeValid sẽ không còn gì của hình</source>
        <translation>MakeValid would leave nothing of the shape</translation>
    </message>
    <message>
        <source>hình loại %1 trong khi lớp nhận %2</source>
        <translation>a %1 where the layer takes %2</translation>
    </message>
    <message>
        <source>%1 tách thành %2 phần</source>
        <translation>%1 split into %2 parts</translation>
    </message>
    <message>
        <source>số phần %1 → %2</source>
        <translation>parts %1 → %2</translation>
    </message>
    <message>
        <source>diện tích đổi %1</source>
        <translation>area changed by %1</translation>
    </message>
    <message>
        <source>diện tích được tính lại (trước đó các cạnh cắt nhau)</source>
        <translation>area recomputed (the edges crossed before)</translation>
    </message>
    <message>
        <source>chiều dài đổi %1</source>
        <translation>length changed by %1</translation>
    </message>
    <message>
        <source>loại %1 → %2</source>
        <translation>type %1 → %2</translation>
    </message>
    <message>
        <source>bỏ %1 phần suy biến (thấp chiều hơn)</source>
        <translation>%1 collapsed parts of lower dimension left out</translation>
    </message>
    <message>
        <source>số điểm %1 → %2</source>
        <translation>points %1 → %2</translation>
    </message>
    <message>
        <source>dựng lại các vòng; diện tích, số phần, số điểm và loại không đổi</source>
        <translation>rings rebuilt; area, parts, points and type unchanged</translation>
    </message>
    <message>
        <source>(trường %1)</source>
        <translation>(field %1)</translation>
    </message>
    <message>
        <source>khóa để trống</source>
        <translation>the key is empty</translation>
    </message>
    <message>
        <source>khóa “%1” đã dùng ở %2</source>
        <translation>the key “%1” was already used at %2</translation>
    </message>
    <message>
        <source>không có xã nào mã %1 (đơn vị từ 01/07/2025)</source>
        <translation>no commune with code %1 (units from 1 July 2025)</translation>
    </message>
    <message>
        <source>không có xã nào mã %1 (đơn vị trước 01/07/2025)</source>
        <translation>no commune with code %1 (units before 1 July 2025)</translation>
    </message>
    <message>
        <source>không có tọa độ, cũng không có mã đơn vị để đặt dòng lên bản đồ</source>
        <translation>no coordinates and no unit code to place the row on the map</translation>
    </message>
    <message>
        <source>xã %1 không có ranh giới và đã được chia vào %2 xã mới nên không đặt được dòng; hãy cho tọa độ hoặc mã xã mới (từ 01/07/2025)</source>
        <translation>commune %1 has no boundary and was split between %2 new communes, so the row cannot be placed; give it coordinates or a new commune code (from 1 July 2025)</translation>
    </message>
    <message>
        <source>xã %1 không có ranh giới để đặt dòng vào</source>
        <translation>commune %1 has no boundary to place the row in</translation>
    </message>
    <message>
        <source>điểm của xã %1 không hợp với lớp: %2</source>
        <translation>the point of commune %1 does not fit the layer: %2</translation>
    </message>
    <message>
        <source>hình: %1</source>
        <translation>geometry: %1</translation>
    </message>
    <message>
        <source>bỏ qua vì hình không dùng được: %1</source>
        <translation>left out because its geometry cannot be used: %1</translation>
    </message>
    <message>
        <source>Tọa độ được đổi từ %1 sang WGS 84 (EPSG:4326) bằng PROJ: %2</source>
        <translation>Coordinates transformed from %1 to WGS 84 (EPSG:4326) by PROJ: %2</translation>
    </message>
    <message>
        <source>Lớp tham chiếu mới %1 “%2” (%3), các trường: %4</source>
        <translation>New reference layer %1 “%2” (%3), fields: %4</translation>
    </message>
    <message>
        <source>Các cột không được nhập (ghép chúng với trường ở trang “Lớp đích”): %1</source>
        <translation>Columns not imported (match them to fields on the “Import into” page): %1</translation>
    </message>
    <message>
        <source>Nội dung tệp này đã được nhập trước đây (lần nhập %1, %2).</source>
        <translation>The same file content was imported before (import %1, %2).</translation>
    </message>
    <message>
        <source>Tệp này đã được nhập vào lớp %1 (lần nhập %2); không có cột khóa nên các dòng sẽ được thêm lần nữa. Chọn cột khóa để cập nhật thay vì nhân đôi.</source>
        <translation>This file was imported into layer %1 before (import %2); without a key column its rows are added again. Choose a key column to update them instead of duplicating them.</translation>
    </message>
    <message>
        <source>%1 dòng bị bỏ qua vì hình không dùng được.</source>
        <translation>%1 rows left out because their geometry cannot be used.</translation>
    </message>
    <message>
        <source>%1 đối tượng nằm ngoài mọi xã (từ 01/07/2025) của dự án.</source>
        <translation>%1 features lie outside every commune (from 1 July 2025) of the project.</translation>
    </message>
    <message>
        <source>%1 đối tượng không có hình.</source>
        <translation>%1 features have no geometry.</translation>
    </message>
    <message>
        <source>%1 dòng được đặt tại điểm đại diện của xã (vị trí gần đúng, approximate_location = 1).</source>
        <translation>%1 rows placed at a point inside their commune (approximate location, approximate_location = 1).</translation>
    </message>
    <message>
        <source>Đã lưu cách ghép cột với tên “%1”.</source>
        <translation>Column mapping saved as “%1”.</translation>
    </message>
    <message>
        <source>Lớp đơn vị hành chính được kiểm tra khi nhập; bản xem trước chỉ hiện các cột của tệp.</source>
        <translation>Administrative unit layers are checked when imported; the preview shows the file&apos;s columns only.</translation>
    </message>
    <message>
        <source>Không nhận biết được hệ tọa độ của tệp: không hệ tọa độ nào thử được đặt dữ liệu vào trong tỉnh. Hãy kiểm tra tệp, hoặc chọn hệ tọa độ trong danh sách.</source>
        <translation>The CRS of the file cannot be detected: no CRS tried puts the data inside the province. Check the file, or choose a CRS from the list.</translation>
    </message>
    <message>
        <source>Không xem trước được tệp với hệ tọa độ đã chọn.</source>
        <translation>The file cannot be previewed with the chosen CRS.</translation>
    </message>
    <message>
        <source>Không đọc được tệp với các lựa chọn này; dự án không thay đổi.</source>
        <translation>The file cannot be read with these options; the project is unchanged.</translation>
    </message>
    <message>
        <source>Các cột trình bày của KML chỉ có giá trị mặc định nên không thành trường của lớp mới: %1</source>
        <translation>KML presentation columns holding only KML&apos;s defaults, not made fields of the new layer: %1</translation>
    </message>
</context>
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
    <name>planmap::gui::AnalysisLayerText</name>
    <message>
        <source> (kết quả minh họa)</source>
        <translation> (illustrative result)</translation>
    </message>
    <message>
        <source>Điểm nhu cầu của thôn</source>
        <translation>Village need score</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Thứ hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Điểm nhu cầu</source>
        <translation>Need score</translation>
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
        <source>Huyện (2023)</source>
        <translation>District (2023)</translation>
    </message>
    <message>
        <source>Đến chợ (km)</source>
        <translation>To market (km)</translation>
    </message>
    <message>
        <source>Đến trạm y tế (km)</source>
        <translation>To health station (km)</translation>
    </message>
    <message>
        <source>Đến trường học (km)</source>
        <translation>To school (km)</translation>
    </message>
    <message>
        <source>Đến đường cứng hóa (km)</source>
        <translation>To hardened road (km)</translation>
    </message>
    <message>
        <source>Thành phần điểm</source>
        <translation>Score breakdown</translation>
    </message>
    <message>
        <source>Dữ liệu minh họa</source>
        <translation>Illustrative data</translation>
    </message>
    <message>
        <source>Thôn theo vùng phục vụ của chợ</source>
        <translation>Villages by market catchment</translation>
    </message>
    <message>
        <source>Chưa có chợ trong bán kính</source>
        <translation>No market within the radius</translation>
    </message>
    <message>
        <source>Có chợ trong bán kính</source>
        <translation>Market within the radius</translation>
    </message>
    <message>
        <source>Đến chợ gần nhất (km)</source>
        <translation>To nearest market (km)</translation>
    </message>
    <message>
        <source>Số chợ trong bán kính</source>
        <translation>Markets within the radius</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Chợ giả định</source>
        <translation>What-if market</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>Số thôn được phục vụ thêm</source>
        <translation>Villages newly served</translation>
    </message>
    <message>
        <source>Diện tích rừng theo xã (ha)</source>
        <translation>Forest area by commune (ha)</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Diện tích rừng (ha)</source>
        <translation>Forest area (ha)</translation>
    </message>
    <message>
        <source>Số lô</source>
        <translation>Plots</translation>
    </message>
</context>
<context>
    <name>planmap::gui::AnalysisPage</name>
    <message>
        <source>Chưa có kết quả.</source>
        <translation>No result yet.</translation>
    </message>
    <message>
        <source>Xuất…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Ghi kết quả ra tệp Excel (.xlsx), GeoPackage (.gpkg) hoặc CSV</source>
        <translation>Write the result to an Excel (.xlsx), GeoPackage (.gpkg) or CSV file</translation>
    </message>
    <message>
        <source>Chưa mở dự án.</source>
        <translation>No project is open.</translation>
    </message>
    <message>
        <source>Không vẽ được lớp kết quả: %1</source>
        <translation>Could not draw the result layer: %1</translation>
    </message>
    <message>
        <source>Thiết lập không hợp lệ: %1</source>
        <translation>Invalid settings: %1</translation>
    </message>
</context>
<context>
    <name>planmap::gui::AnalysisPanel</name>
    <message>
        <source>Thôn khó tiếp cận dịch vụ</source>
        <translation>Underserved villages</translation>
    </message>
    <message>
        <source>Vùng phục vụ của chợ</source>
        <translation>Market catchments</translation>
    </message>
    <message>
        <source>Diện tích rừng</source>
        <translation>Forest area</translation>
    </message>
    <message>
        <source>Phân tích</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Thôn khó tiếp cận dịch vụ…</source>
        <translation>Underserved villages…</translation>
    </message>
    <message>
        <source>Khoảng cách từ thôn đến chợ, trạm y tế, trường học, đường cứng hóa và điểm nhu cầu</source>
        <translation>Distances from villages to markets, health stations, schools and hardened roads, and need scores</translation>
    </message>
    <message>
        <source>Vùng phục vụ của chợ…</source>
        <translation>Market catchments…</translation>
    </message>
    <message>
        <source>Diện tích rừng được bảo vệ…</source>
        <translation>Protected forest area…</translation>
    </message>
</context>
<context>
    <name>planmap::gui::AnalysisRunBar</name>
    <message>
        <source>Chạy phân tích</source>
        <translation>Run analysis</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đã hủy: không có kết quả mới.</source>
        <translation>Cancelled: no new result.</translation>
    </message>
    <message>
        <source>Không chạy được phân tích: %1</source>
        <translation>The analysis failed: %1</translation>
    </message>
</context>
<context>
    <name>planmap::gui::AnalysisRunner</name>
    <message>
        <source>Không còn tệp dự án %1 (tệp đã bị xóa hoặc chuyển đi).</source>
        <translation>The project file %1 is gone (it was deleted or moved).</translation>
    </message>
    <message>
        <source>Không mở được tệp dự án %1 để đọc: %2</source>
        <translation>Cannot open the project file %1 for reading: %2</translation>
    </message>
    <message>
        <source>Không đọc được dữ liệu của dự án: %1</source>
        <translation>Cannot read the data of the project: %1</translation>
    </message>
    <message>
        <source>Dự án không có lớp dữ liệu «%1».</source>
        <translation>The project has no layer «%1».</translation>
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
    <name>planmap::gui::CatchmentPage</name>
    <message>
        <source>%1° Đ, %2° B</source>
        <translation>%1° E, %2° N</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>Coi chợ theo kế hoạch (xây mới) là đã có</source>
        <translation>Count planned (new) markets as existing</translation>
    </message>
    <message>
        <source>Vùng phục vụ</source>
        <translation>Catchment</translation>
    </message>
    <message>
        <source>Bán kính phục vụ của chợ:</source>
        <translation>Market service radius:</translation>
    </message>
    <message>
        <source>Đặt chợ giả định trên bản đồ</source>
        <translation>Place a what-if market on the map</translation>
    </message>
    <message>
        <source>Bấm nút rồi bấm vào bản đồ: xem ngay số thôn chưa có chợ mà chợ ở đó sẽ phục vụ</source>
        <translation>Press the button, then click the map: see at once how many villages without a market a market there would serve</translation>
    </message>
    <message>
        <source>Xóa điểm giả định</source>
        <translation>Remove the what-if point</translation>
    </message>
    <message>
        <source>Chạy phân tích trước, rồi đặt một chợ giả định.</source>
        <translation>Run the analysis first, then place a what-if market.</translation>
    </message>
    <message>
        <source>Giả định: thêm một chợ</source>
        <translation>What if: one more market</translation>
    </message>
    <message>
        <source>Chợ</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>Lớp</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Số thôn trong bán kính</source>
        <translation>Villages within the radius</translation>
    </message>
    <message>
        <source>Dân số các thôn</source>
        <translation>Population of the villages</translation>
    </message>
    <message>
        <source>Thôn trong bán kính</source>
        <translation>Village within the radius</translation>
    </message>
    <message>
        <source>Xã (từ 01/7/2025)</source>
        <translation>Commune (from 1 July 2025)</translation>
    </message>
    <message>
        <source>Khoảng cách (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Huyện (2023)</source>
        <translation>District (2023)</translation>
    </message>
    <message>
        <source>Đến chợ gần nhất (km)</source>
        <translation>To nearest market (km)</translation>
    </message>
    <message>
        <source>Dân số</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>Chợ theo kế hoạch</source>
        <translation>Planned markets</translation>
    </message>
    <message>
        <source>Số thôn được phục vụ thêm</source>
        <translation>Villages newly served</translation>
    </message>
    <message>
        <source>Chợ và thôn được phục vụ</source>
        <translation>Markets and villages served</translation>
    </message>
    <message>
        <source>Thôn chưa có chợ trong bán kính</source>
        <translation>Villages without a market within the radius</translation>
    </message>
    <message>
        <source>vung_phuc_vu_cho</source>
        <translation>market_catchments</translation>
    </message>
    <message>
        <source>Xong.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Bán kính %1 km: %2 chợ đang hoạt động; %3 thôn có chợ trong bán kính, &lt;b&gt;%4 thôn chưa có&lt;/b&gt;.</source>
        <translation>Radius %1 km: %2 markets in service; %3 villages have a market within the radius, &lt;b&gt;%4 villages do not&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Bấm «Đặt chợ giả định trên bản đồ», rồi bấm vào một điểm trên bản đồ.</source>
        <translation>Press “Place a what-if market on the map”, then click a point on the map.</translation>
    </message>
    <message>
        <source> (minh họa)</source>
        <translation> (illustrative)</translation>
    </message>
    <message>
        <source>Chợ giả định (%1)</source>
        <translation>What-if market (%1)</translation>
    </message>
    <message>
        <source>Không đánh giá được điểm này: %1</source>
        <translation>Could not evaluate this point: %1</translation>
    </message>
    <message>
        <source>Chợ giả định tại %1 sẽ phục vụ thêm &lt;b&gt;%2&lt;/b&gt; thôn chưa có chợ (dân số %3).&lt;br&gt;Số thôn chưa có chợ trong bán kính: %4 → &lt;b&gt;%5&lt;/b&gt;.</source>
        <translation>A market at %1 would serve &lt;b&gt;%2&lt;/b&gt; more villages without a market (population %3).&lt;br&gt;Villages without a market within the radius: %4 → &lt;b&gt;%5&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Bấm vào bản đồ để đặt chợ giả định.</source>
        <translation>Click the map to place the what-if market.</translation>
    </message>
    <message>
        <source>Không đổi được tọa độ điểm đã bấm: %1</source>
        <translation>Could not convert the clicked point: %1</translation>
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
    <name>planmap::gui::DashboardWidget</name>
    <message>
        <source>Bảng tổng hợp tiến độ</source>
        <translation>Progress dashboard</translation>
    </message>
    <message>
        <source>Chỉ tiêu:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <source>(*) Có số liệu minh họa (không phải số liệu thật): các cột đánh dấu * dựa trên số liệu minh họa.</source>
        <translation>(*) Some figures are illustrative (not real data): bars marked * rest on illustrative figures.</translation>
    </message>
    <message>
        <source>Tỷ lệ đạt chỉ tiêu theo dự án, toàn tỉnh (%)</source>
        <translation>Percent of target by project, province (%)</translation>
    </message>
    <message>
        <source>% đạt (bình quân các chỉ tiêu có số liệu)</source>
        <translation>% achieved (mean over the indicators with figures)</translation>
    </message>
    <message>
        <source>% chỉ tiêu kế hoạch (số chỉ tiêu có số liệu / có chỉ tiêu)</source>
        <translation>% of the planned target (indicators with figures / with a target)</translation>
    </message>
    <message>
        <source>Tỷ lệ đạt theo huyện (2023): chưa có chỉ tiêu giao cho huyện</source>
        <translation>Percent of target by district (2023): no indicator is allocated to districts</translation>
    </message>
    <message>
        <source>Tỷ lệ đạt theo huyện (2023), chỉ tiêu %1 (%)</source>
        <translation>Percent of target by district (2023), indicator %1 (%)</translation>
    </message>
    <message>
        <source>% đạt so với chỉ tiêu giao</source>
        <translation>% of the allocated target</translation>
    </message>
    <message>
        <source>Vốn ngân sách theo nguồn và tính chất: kế hoạch và giải ngân (triệu đồng)</source>
        <translation>Budget funding by source and kind: planned and disbursed (million VND)</translation>
    </message>
    <message>
        <source>Vốn ngân sách theo nguồn và tính chất (triệu đồng); chưa có số liệu giải ngân</source>
        <translation>Budget funding by source and kind (million VND); no disbursement figures yet</translation>
    </message>
    <message>
        <source>Kế hoạch vốn</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Đã giải ngân</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <source>triệu đồng</source>
        <translation>million VND</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ForestPage</name>
    <message>
        <source>Kiểm tra các lô rừng chồng lấn nhau</source>
        <translation>Check for overlapping forest plots</translation>
    </message>
    <message>
        <source>Ghi nhận vào tiến độ…</source>
        <translation>Record as progress…</translation>
    </message>
    <message>
        <source>Ghi diện tích theo từng chỉ tiêu và từng đơn vị vào sổ tiến độ của kế hoạch</source>
        <translation>Write the area of each indicator and unit to the plan’s progress log</translation>
    </message>
    <message>
        <source>Diện tích rừng được bảo vệ</source>
        <translation>Protected forest area</translation>
    </message>
    <message>
        <source>Diện tích trắc địa (WGS 84) của các lô rừng, chia theo xã (từ 01/7/2025) và huyện (2023), so với các chỉ tiêu rừng của kế hoạch.</source>
        <translation>Geodesic (WGS 84) area of the forest plots, split by commune (from 1 July 2025) and district (2023), compared with the plan’s forest indicators.</translation>
    </message>
    <message>
        <source>Mã chỉ tiêu</source>
        <translation>Indicator code</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Kế hoạch (ha)</source>
        <translation>Target (ha)</translation>
    </message>
    <message>
        <source>Tính từ bản đồ (ha)</source>
        <translation>From the map (ha)</translation>
    </message>
    <message>
        <source>Đạt (%)</source>
        <translation>Achieved (%)</translation>
    </message>
    <message>
        <source>Số lô</source>
        <translation>Plots</translation>
    </message>
    <message>
        <source>Loại rừng</source>
        <translation>Forest type</translation>
    </message>
    <message>
        <source>Diện tích (ha)</source>
        <translation>Area (ha)</translation>
    </message>
    <message>
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Chủ rừng</source>
        <translation>Forest holder</translation>
    </message>
    <message>
        <source>Theo xã (từ 01/7/2025)</source>
        <translation>By commune (from 1 July 2025)</translation>
    </message>
    <message>
        <source>Theo huyện (2023)</source>
        <translation>By district (2023)</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Lô rừng</source>
        <translation>Forest plot</translation>
    </message>
    <message>
        <source>Chồng lấn với lô</source>
        <translation>Overlaps plot</translation>
    </message>
    <message>
        <source>Diện tích chồng lấn (ha)</source>
        <translation>Overlap (ha)</translation>
    </message>
    <message>
        <source>So với chỉ tiêu kế hoạch</source>
        <translation>Against the plan’s targets</translation>
    </message>
    <message>
        <source>Theo loại rừng và chủ rừng</source>
        <translation>By forest type and holder</translation>
    </message>
    <message>
        <source>Theo đơn vị hành chính</source>
        <translation>By administrative unit</translation>
    </message>
    <message>
        <source>Lô chồng lấn</source>
        <translation>Overlapping plots</translation>
    </message>
    <message>
        <source>dien_tich_rung</source>
        <translation>forest_area</translation>
    </message>
    <message>
        <source>Xong.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>%1 lô rừng, %2 ha (diện tích trắc địa).</source>
        <translation>%1 forest plots, %2 ha (geodesic area).</translation>
    </message>
    <message>
        <source>%1 cặp lô chồng lấn, %2 ha bị tính hai lần.</source>
        <translation>%1 pairs of overlapping plots, %2 ha counted twice.</translation>
    </message>
    <message>
        <source>%1 ha nằm ngoài mọi xã.</source>
        <translation>%1 ha lie outside every commune.</translation>
    </message>
    <message>
        <source> (không có trong kế hoạch)</source>
        <translation> (not in the plan)</translation>
    </message>
    <message>
        <source> (năm %1)</source>
        <translation> (year %1)</translation>
    </message>
    <message>
        <source> (minh họa)</source>
        <translation> (illustrative)</translation>
    </message>
    <message>
        <source>%1 (ha)</source>
        <translation>%1 (ha)</translation>
    </message>
    <message>
        <source>Ghi nhận diện tích rừng vào tiến độ</source>
        <translation>Record forest area as progress</translation>
    </message>
    <message>
        <source>Xã (từ 01/7/2025)</source>
        <translation>Commune (from 1 July 2025)</translation>
    </message>
    <message>
        <source>Huyện (2023)</source>
        <translation>District (2023)</translation>
    </message>
    <message>
        <source>Người ghi (không bắt buộc)</source>
        <translation>Recorded by (optional)</translation>
    </message>
    <message>
        <source>Sẽ ghi %1 mục tiến độ: diện tích (ha) của mỗi chỉ tiêu rừng có trong kế hoạch, cho mỗi đơn vị có diện tích.</source>
        <translation>%1 progress entries will be written: the area (ha) of each forest indicator of the plan, for each unit with forest.</translation>
    </message>
    <message>
        <source>Kết quả tính từ dữ liệu minh họa: các mục sẽ được đánh dấu là minh họa.</source>
        <translation>The result comes from illustrative data: the entries will be flagged illustrative.</translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Số liệu tính đến ngày:</source>
        <translation>Figures as of:</translation>
    </message>
    <message>
        <source>Ghi theo đơn vị:</source>
        <translation>Record by unit:</translation>
    </message>
    <message>
        <source>Người ghi:</source>
        <translation>Recorded by:</translation>
    </message>
    <message>
        <source>Ghi nhận tiến độ</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>Đã ghi %1 mục tiến độ, tính đến ngày %2.</source>
        <translation>Wrote %1 progress entries as of %2.</translation>
    </message>
    <message>
        <source>Không ghi được tiến độ:
%1</source>
        <translation>Could not record the progress:
%1</translation>
    </message>
</context>
<context>
    <name>planmap::gui::IdentifyPanel</name>
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
    <name>planmap::gui::IllustrativeBanner</name>
    <message>
        <source>KẾT QUẢ MINH HỌA: tính từ dữ liệu minh họa, không phải số liệu thật.</source>
        <translation>ILLUSTRATIVE RESULT: computed from illustrative data, not real figures.</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ImportIssueModel</name>
    <message>
        <source>Mức độ</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Trang tính</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Issue</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ImportPreviewMap</name>
    <message>
        <source>Không có hình để xem trước</source>
        <translation>No shapes to preview</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ImportPreviewModel</name>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Đơn vị hành chính</source>
        <translation>Administrative unit</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Ngày số liệu</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Sẽ ghi</source>
        <translation>Will write</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ImportWizard</name>
    <message>
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn tệp</source>
        <translation>Choose the file</translation>
    </message>
    <message>
        <source>Shapefile, GeoPackage, GeoJSON, KML/KMZ, hoặc bảng CSV/XLSX có cột tọa độ hay cột mã xã.</source>
        <translation>Shapefile, GeoPackage, GeoJSON, KML/KMZ, or a CSV/XLSX table with coordinate columns or a commune-code column.</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Lớp trong tệp:</source>
        <translation>Layer in the file:</translation>
    </message>
    <message>
        <source>tự tìm (x, lon, kinh_do…)</source>
        <translation>found automatically (x, lon, kinh_do…)</translation>
    </message>
    <message>
        <source>tự tìm (y, lat, vi_do…)</source>
        <translation>found automatically (y, lat, vi_do…)</translation>
    </message>
    <message>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Cột X / kinh độ (bảng):</source>
        <translation>X / longitude column (tables):</translation>
    </message>
    <message>
        <source>Cột Y / vĩ độ (bảng):</source>
        <translation>Y / latitude column (tables):</translation>
    </message>
    <message>
        <source>Cột mã xã (đặt dòng tại xã):</source>
        <translation>Commune-code column (places rows in their commune):</translation>
    </message>
    <message>
        <source>Bảng không có tọa độ có thể dùng cột mã xã: mỗi dòng được đặt tại một điểm trong xã và được đánh dấu là vị trí gần đúng.</source>
        <translation>A table without coordinates can use a commune-code column: each row is placed at a point inside its commune and flagged as an approximate location.</translation>
    </message>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Kiểm tra bảng mã chữ và hệ tọa độ: tên phải đọc được, các đối tượng phải nằm trong tỉnh.</source>
        <translation>Check the text encoding and the coordinate reference system: names must read correctly and the features must lie inside the province.</translation>
    </message>
    <message>
        <source>Tự nhận biết</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>Bảng mã chữ:</source>
        <translation>Text encoding:</translation>
    </message>
    <message>
        <source>Hệ tọa độ:</source>
        <translation>CRS:</translation>
    </message>
    <message>
        <source>Nhập vào đâu</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>Một lớp có sẵn (ghép các cột của tệp với các trường của lớp) hoặc một lớp tham chiếu mới.</source>
        <translation>An existing layer (match the file&apos;s columns to the layer&apos;s fields) or a new reference layer.</translation>
    </message>
    <message>
        <source>Lớp tham chiếu mới</source>
        <translation>New reference layer</translation>
    </message>
    <message>
        <source>Lớp có sẵn</source>
        <translation>Existing layer</translation>
    </message>
    <message>
        <source>không lưu</source>
        <translation>do not save</translation>
    </message>
    <message>
        <source>Tên (mã):</source>
        <translation>Name (identifier):</translation>
    </message>
    <message>
        <source>Tiêu đề:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Cách ghép đã lưu:</source>
        <translation>Saved mapping:</translation>
    </message>
    <message>
        <source>Lưu cách ghép với tên:</source>
        <translation>Save the mapping as:</translation>
    </message>
    <message>
        <source>Trường của lớp</source>
        <translation>Layer field</translation>
    </message>
    <message>
        <source>Kiểu</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Cột của tệp</source>
        <translation>File column</translation>
    </message>
    <message>
        <source>Bỏ qua các dòng có hình không dùng được (và liệt kê chúng)</source>
        <translation>Leave out rows whose geometry cannot be used (and list them)</translation>
    </message>
    <message>
        <source>Kiểm tra và nhập</source>
        <translation>Check and import</translation>
    </message>
    <message>
        <source>Mọi dòng được kiểm tra trước; hình không hợp lệ được sửa bằng MakeValid và liệt kê ở đây. Chưa có gì được ghi cho đến khi bấm Nhập.</source>
        <translation>Every row is checked first; invalid geometries are repaired with MakeValid and listed here. Nothing is written until you press Import.</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Hoàn tác lần nhập gần nhất</source>
        <translation>Undo the last import</translation>
    </message>
    <message>
        <source>Chọn tệp để nhập</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <source>Dữ liệu bản đồ (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.csv *.xlsx *.ods);;Tất cả (*)</source>
        <translation>Map data (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.csv *.xlsx *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp “%1”.</source>
        <translation>The file “%1” was not found.</translation>
    </message>
    <message>
        <source>Nhiều hệ tọa độ khớp; hệ phù hợp với Lạng Sơn đã được chọn sẵn — hãy xác nhận.</source>
        <translation>Several coordinate systems fit; the one meant for Lạng Sơn is preselected — please confirm it.</translation>
    </message>
    <message>
        <source>%1 dòng, định dạng %2, lớp nguồn “%3”. Xem trước %4 dòng đầu (tọa độ đã đổi sang WGS 84).</source>
        <translation>%1 rows, format %2, source layer “%3”. Preview of the first %4 rows (coordinates converted to WGS 84).</translation>
    </message>
    <message>
        <source>Vấn đề</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>(không dùng)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(không)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Tệp: %1
</source>
        <translation>File: %1
</translation>
    </message>
    <message>
        <source>Nhập vào lớp tham chiếu mới: %1
</source>
        <translation>Import into the new reference layer: %1
</translation>
    </message>
    <message>
        <source>Nhập vào lớp: %1
</source>
        <translation>Import into layer: %1
</translation>
    </message>
    <message>
        <source>Số dòng: %1; dòng có vấn đề: %2
</source>
        <translation>Rows: %1; rows with problems: %2
</translation>
    </message>
    <message>
        <source>
Sửa hình (MakeValid): %1
</source>
        <translation>
Geometries repaired (MakeValid): %1
</translation>
    </message>
    <message>
        <source>
Vấn đề:
</source>
        <translation>
Problems:
</translation>
    </message>
    <message>
        <source>
Cảnh báo:
</source>
        <translation>
Warnings:
</translation>
    </message>
    <message>
        <source>
Ghi chú:
</source>
        <translation>
Notes:
</translation>
    </message>
    <message>
        <source>
Có dòng không nhập được: sửa tệp hoặc các lựa chọn rồi thử lại.</source>
        <translation>
Some rows cannot be imported: fix the file or the options and try again.</translation>
    </message>
    <message>
        <source>Lần nhập %1: %2</source>
        <translation>Import %1: %2</translation>
    </message>
    <message>
        <source>Đã nhập.</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>Đã nhập %1 dòng mới, cập nhật %2 dòng vào lớp %3 (lần nhập %4).
</source>
        <translation>Imported %1 new rows and updated %2 rows in layer %3 (import %4).
</translation>
    </message>
    <message>
        <source>Bảng mã chữ: %1
Hệ tọa độ: %2
</source>
        <translation>Text encoding: %1
CRS: %2
</translation>
    </message>
    <message>
        <source>Dòng bị bỏ qua:
</source>
        <translation>Rows left out:
</translation>
    </message>
    <message>
        <source>Đã dừng; không có gì được ghi.</source>
        <translation>Stopped; nothing was written.</translation>
    </message>
    <message>
        <source>Đã dừng việc nhập; dự án không thay đổi.
</source>
        <translation>The import was stopped; the project is unchanged.
</translation>
    </message>
    <message>
        <source>Không nhập được.</source>
        <translation>The import failed.</translation>
    </message>
    <message>
        <source>Hoàn tác lần nhập %1 (%2, vào %3)?</source>
        <translation>Undo import %1 (%2, into %3)?</translation>
    </message>
    <message>
        <source>Đã hoàn tác lần nhập %1: bỏ %2 dòng, khôi phục %3 dòng.</source>
        <translation>Import %1 undone: %2 rows removed, %3 rows restored.</translation>
    </message>
    <message>
        <source>Đã xóa lớp %1.</source>
        <translation>Layer %1 was removed.</translation>
    </message>
    <message>
        <source>Bảng mã chữ: %1
</source>
        <translation>Text encoding: %1
</translation>
    </message>
    <message>
        <source>Hệ tọa độ: %1
</source>
        <translation>CRS: %1
</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ImportWorker</name>
    <message>
        <source>Đã dừng việc nhập; không có gì được ghi.</source>
        <translation>The import was stopped; nothing was written.</translation>
    </message>
    <message>
        <source>Không nhập được; không có gì được ghi vào dự án.</source>
        <translation>The import failed; nothing was written to the project.</translation>
    </message>
</context>
<context>
    <name>planmap::gui::IndicatorHistoryModel</name>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Đơn vị / đối tượng</source>
        <translation>Unit / feature</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Ngày số liệu</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Văn bản nguồn</source>
        <translation>Source document</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nhập lúc</source>
        <translation>Entered at</translation>
    </message>
    <message>
        <source>Người nhập</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>từ 2025</source>
        <translation>from 2025</translation>
    </message>
    <message>
        <source>trước 2025</source>
        <translation>before 2025</translation>
    </message>
    <message>
        <source>(rút số liệu)</source>
        <translation>(withdrawn)</translation>
    </message>
    <message>
        <source>Rút mục số %1</source>
        <translation>Withdraws entry %1</translation>
    </message>
    <message>
        <source>Đang có hiệu lực</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Bị thay thế bởi mục số %1</source>
        <translation>Superseded by entry %1</translation>
    </message>
    <message>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Bị rút bởi mục số %1 (%2, %3)</source>
        <translation>Withdrawn by entry %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Bị thay thế bởi mục số %1 (%2, %3)</source>
        <translation>Superseded by entry %1 (%2, %3)</translation>
    </message>
    <message>
        <source>* Số liệu minh họa, không phải số liệu thật.</source>
        <translation>* Illustrative figure, not real data.</translation>
    </message>
</context>
<context>
    <name>planmap::gui::LayerExportDialog</name>
    <message>
        <source>Xuất lớp</source>
        <translation>Export layer</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>EPSG:4326 (WGS 84); ví dụ EPSG:9215 cho VN-2000 Lạng Sơn</source>
        <translation>EPSG:4326 (WGS 84); e.g. EPSG:9215 for VN-2000 Lạng Sơn</translation>
    </message>
    <message>
        <source>Lớp:</source>
        <translation>Layer:</translation>
    </message>
    <message>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Hệ tọa độ:</source>
        <translation>CRS:</translation>
    </message>
    <message>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>GeoPackage mang theo kiểu hiển thị của lớp (bảng layer_styles, QML và SLD): QGIS mở ra sẽ vẽ giống planmap.</source>
        <translation>The GeoPackage carries the layer&apos;s style (layer_styles table, QML and SLD): QGIS opens it drawn as planmap draws it.</translation>
    </message>
    <message>
        <source>Shapefile kèm .prj và .cpg UTF-8; tên trường bị cắt còn 10 ký tự.</source>
        <translation>Shapefile with .prj and a UTF-8 .cpg; field names are shortened to 10 characters.</translation>
    </message>
    <message>
        <source>KML luôn ở WGS 84 (kinh độ/vĩ độ).</source>
        <translation>KML is always WGS 84 (longitude/latitude).</translation>
    </message>
    <message>
        <source>GeoJSON, tọa độ theo hệ đã chọn.</source>
        <translation>GeoJSON, coordinates in the chosen CRS.</translation>
    </message>
    <message>
        <source>CSV UTF-8: hình ở cột WKT, hoặc cột X/Y cho lớp điểm.</source>
        <translation>UTF-8 CSV: geometry in a WKT column, or X/Y columns for point layers.</translation>
    </message>
    <message>
        <source>Bảng Excel: các thuộc tính, hình ở cột WKT hoặc X/Y cho lớp điểm.</source>
        <translation>Excel sheet: the attributes, geometry in a WKT column or X/Y columns for point layers.</translation>
    </message>
    <message>
        <source>Xuất lớp ra tệp</source>
        <translation>Export the layer to a file</translation>
    </message>
    <message>
        <source>Chưa chọn tệp.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Đã xuất %1 đối tượng ra %2 (%3).</source>
        <translation>Exported %1 features to %2 (%3).</translation>
    </message>
    <message>
        <source>Kèm kiểu hiển thị “%1” cho QGIS.</source>
        <translation>With the style “%1” for QGIS.</translation>
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
    <name>planmap::gui::LinkEditor</name>
    <message>
        <source>Liên kết chỉ tiêu với đối tượng và đơn vị</source>
        <translation>Link indicators to features and units</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Đã liên kết (lưu ngay vào dự án)</source>
        <translation>Linked (saved in the project at once)</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lớp / cấp</source>
        <translation>Layer / level</translation>
    </message>
    <message>
        <source>Chỉ tiêu giao</source>
        <translation>Allocated target</translation>
    </message>
    <message>
        <source>Thêm các đối tượng đang chọn trên bản đồ</source>
        <translation>Add what is selected on the map</translation>
    </message>
    <message>
        <source>Bỏ liên kết đã chọn</source>
        <translation>Remove selected links</translation>
    </message>
    <message>
        <source>Chọn từ danh sách</source>
        <translation>Pick from a list</translation>
    </message>
    <message>
        <source>Lọc theo tên (không cần dấu)</source>
        <translation>Filter by name (accents optional)</translation>
    </message>
    <message>
        <source>Liên kết các mục đã chọn</source>
        <translation>Link the selected items</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>có (theo kế hoạch)</source>
        <translation>yes (in the plan)</translation>
    </message>
    <message>
        <source>Đơn vị được giao chỉ tiêu trong kế hoạch: không bỏ liên kết ở đây.</source>
        <translation>The plan allocates a target to this unit: the link is not removed here.</translation>
    </message>
    <message>
        <source>Đã thêm %1 liên kết (%2 mục đã có sẵn).</source>
        <translation>Added %1 links (%2 were linked already).</translation>
    </message>
    <message>
        <source>Không liên kết được: %1</source>
        <translation>Could not link: %1</translation>
    </message>
    <message>
        <source>Chưa chọn đối tượng nào trên bản đồ (dùng công cụ Chọn, giữ Ctrl để chọn nhiều).</source>
        <translation>Nothing is selected on the map (use the Select tool; hold Ctrl to select several).</translation>
    </message>
    <message>
        <source>Đã bỏ %1 liên kết; %2 đơn vị được giao chỉ tiêu theo kế hoạch được giữ.</source>
        <translation>Removed %1 links; %2 units with targets allocated by the plan were kept.</translation>
    </message>
    <message>
        <source>Đã bỏ %1 liên kết.</source>
        <translation>Removed %1 links.</translation>
    </message>
    <message>
        <source>Không bỏ được liên kết: %1</source>
        <translation>Could not remove the link: %1</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>* Dữ liệu minh họa, không phải số liệu thật.</source>
        <translation>* Illustrative data, not real figures.</translation>
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
        <source>Không chuyển được hệ tọa độ: %1</source>
        <translation>Cannot switch the coordinate system: %1</translation>
    </message>
    <message>
        <source>Không đọc được thông tin liên quan: %1</source>
        <translation>Cannot read the related information: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; không có hình trên bản đồ (đơn vị cũ chưa có ranh giới).</source>
        <translation>&quot;%1&quot; has no shape on the map (former unit without boundary).</translation>
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
    <message>
        <source>Xã, phường 2025 và ranh giới huyện 2023</source>
        <translation>Communes of 2025 with the district boundaries of 2023</translation>
    </message>
    <message>
        <source>Không ghi được thiết lập lớp vào dự án: %1</source>
        <translation>Could not save the layer settings in the project: %1</translation>
    </message>
    <message>
        <source>Chỉ đọc</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>Tệp dự án chỉ đọc: thay đổi kiểu hiển thị, thứ tự và bật/tắt lớp chỉ được giữ đến khi đóng dự án</source>
        <translation>Read-only project file: changes to layer styles, order and visibility are kept only until the project is closed</translation>
    </message>
    <message>
        <source>Tệp dự án chỉ đọc: thay đổi về lớp bản đồ chỉ được giữ đến khi đóng dự án.</source>
        <translation>Read-only project file: changes to the map layers are kept only until the project is closed.</translation>
    </message>
    <message>
        <source>Đã chuyển thiết lập lớp của phiên bản trước vào tệp dự án.</source>
        <translation>The layer settings of the previous version were moved into the project file.</translation>
    </message>
    <message>
        <source>Đang chuyển hệ tọa độ hiển thị…</source>
        <translation>Switching the display coordinate system…</translation>
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
    <name>planmap::gui::MapProject</name>
    <message>
        <source>Đã chọn %1 đối tượng</source>
        <translation>Selected features: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>count and layer title in the selection summary</comment>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>selected total: parts per layer</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>planmap::gui::PlanPanel</name>
    <message>
        <source>cộng giá trị của các đơn vị</source>
        <translation>sum of the units&apos; values</translation>
    </message>
    <message>
        <source>tỷ lệ: cộng riêng tử số và mẫu số của các đơn vị</source>
        <translation>ratio: numerators and denominators of the units added separately</translation>
    </message>
    <message>
        <source>tỷ lệ %: bình quân gia quyền khi mọi đơn vị có tử số, mẫu số; nếu không, chỉ tính nơi đã nhập</source>
        <translation>percentage: weighted mean when every unit has a numerator and denominator; otherwise only where entered</translation>
    </message>
    <message>
        <source>điểm phần trăm: không cộng, chỉ tính nơi đã nhập</source>
        <translation>percentage points: not added; only where entered</translation>
    </message>
    <message>
        <source>lấy giá trị lớn nhất của các đơn vị</source>
        <translation>the largest value of the units</translation>
    </message>
    <message>
        <source>không tổng hợp, chỉ tính nơi đã nhập</source>
        <translation>not aggregated; only where entered</translation>
    </message>
    <message>
        <source>tự báo cáo</source>
        <translation>own report</translation>
    </message>
    <message>
        <source>tổng hợp từ cấp dưới</source>
        <translation>rolled up from parts</translation>
    </message>
    <message>
        <source>Tìm nội dung, chỉ tiêu hoặc mã (DA04.1…)</source>
        <translation>Find a content item, indicator or code (DA04.1…)</translation>
    </message>
    <message>
        <source>Đánh giá đến</source>
        <translation>Judged on</translation>
    </message>
    <message>
        <source>Tình trạng so với phần thời gian đã qua của năm kế hoạch tính đến ngày này.</source>
        <translation>Status against the part of the plan year elapsed by this date.</translation>
    </message>
    <message>
        <source>Chỉ hiện chỉ tiêu của đối tượng đang chọn</source>
        <translation>Only indicators of the selection</translation>
    </message>
    <message>
        <source>Chưa chọn đối tượng trên bản đồ.</source>
        <translation>Nothing selected on the map.</translation>
    </message>
    <message>
        <source>* Số liệu minh họa (tự sinh để trình diễn), không phải số liệu thật.</source>
        <translation>* Illustrative figures (generated for demonstration), not real data.</translation>
    </message>
    <message>
        <source>Nhập tiến độ…</source>
        <translation>Record progress…</translation>
    </message>
    <message>
        <source>Liên kết…</source>
        <translation>Links…</translation>
    </message>
    <message>
        <source>Bản đồ tiến độ</source>
        <translation>Progress map</translation>
    </message>
    <message>
        <source>theo huyện (2023)</source>
        <translation>by district (2023)</translation>
    </message>
    <message>
        <source>theo xã (2025)</source>
        <translation>by commune (2025)</translation>
    </message>
    <message>
        <source>% đạt</source>
        <translation>% achieved</translation>
    </message>
    <message>
        <source>giá trị đạt</source>
        <translation>value achieved</translation>
    </message>
    <message>
        <source>Không đọc được kế hoạch: %1</source>
        <translation>Could not read the plan: %1</translation>
    </message>
    <message>
        <source>%1: chưa liên kết chỉ tiêu nào.</source>
        <translation>%1: not linked to any indicator.</translation>
    </message>
    <message>
        <source>%1: %2 chỉ tiêu (tô vàng).</source>
        <translation>%1: %2 indicators (highlighted in yellow).</translation>
    </message>
    <message>
        <source>&lt;p&gt;Chọn một nội dung hoặc chỉ tiêu để xem chi tiết.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Select a content item or an indicator to see its details.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Căn cứ: %1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <source>Cơ quan chủ trì: %1</source>
        <translation>Lead agency: %1</translation>
    </message>
    <message>
        <source>Chỉ tiêu: %1 %2%3</source>
        <translation>Target: %1 %2%3</translation>
    </message>
    <message>
        <source> (năm %1)</source>
        <translation> (year %1)</translation>
    </message>
    <message>
        <source>Cách tổng hợp: %1</source>
        <translation>Roll-up rule: %1</translation>
    </message>
    <message>
        <source>, đến ngày %1</source>
        <translation>, as of %1</translation>
    </message>
    <message>
        <source>Tình trạng: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Status: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (đến %1 cần khoảng %2, tức %3 thời gian của năm)</source>
        <translation> (by %1 about %2 is due, %3 of the year having passed)</translation>
    </message>
    <message>
        <source>Giải thích tổng hợp</source>
        <translation>How the figure is rolled up</translation>
    </message>
    <message>
        <source>Theo đơn vị</source>
        <translation>By unit</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Đạt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Nguồn số liệu</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>… và %1 đơn vị khác.</source>
        <translation>… and %1 more units.</translation>
    </message>
    <message>
        <source>Xã cũ bị chia khi sắp xếp năm 2025</source>
        <translation>Communes split in the 2025 reorganisation</translation>
    </message>
    <message>
        <source>Liên kết: %1 đối tượng, %2 đơn vị.</source>
        <translation>Links: %1 features, %2 units.</translation>
    </message>
    <message>
        <source>Lũy kế đạt (toàn tỉnh): %1</source>
        <translation>Achieved to date (province): %1</translation>
    </message>
</context>
<context>
    <name>planmap::gui::PlanTools</name>
    <message>
        <source>Kế hoạch và tiến độ</source>
        <translation>Plan and progress</translation>
    </message>
    <message>
        <source>Bảng kế hoạch</source>
        <translation>Plan panel</translation>
    </message>
    <message>
        <source>Nhập tiến độ…</source>
        <translation>Record progress…</translation>
    </message>
    <message>
        <source>Liên kết chỉ tiêu với đối tượng…</source>
        <translation>Link indicators to features…</translation>
    </message>
    <message>
        <source>Bản đồ tiến độ của chỉ tiêu đang chọn</source>
        <translation>Progress map of the selected indicator</translation>
    </message>
    <message>
        <source>Chọn một chỉ tiêu trong bảng kế hoạch trước.</source>
        <translation>Select an indicator in the plan panel first.</translation>
    </message>
    <message>
        <source>Ẩn bản đồ tiến độ</source>
        <translation>Hide progress map</translation>
    </message>
    <message>
        <source>Hoàn tác nhập tiến độ</source>
        <translation>Undo progress entry</translation>
    </message>
    <message>
        <source>Làm lại nhập tiến độ</source>
        <translation>Redo progress entry</translation>
    </message>
    <message>
        <source>Không vẽ lại được bản đồ tiến độ: %1</source>
        <translation>Could not redraw the progress map: %1</translation>
    </message>
    <message>
        <source>Không làm lại được: %1</source>
        <translation>Could not redo: %1</translation>
    </message>
    <message>
        <source>Không hoàn tác được: %1</source>
        <translation>Could not undo: %1</translation>
    </message>
    <message>
        <source>Không vẽ được bản đồ tiến độ: %1</source>
        <translation>Could not draw the progress map: %1</translation>
    </message>
    <message>
        <source>Chỉ tiêu chưa được giao cho đơn vị nào ở cấp này nên chưa tính được % đạt; thử &quot;giá trị đạt&quot;.</source>
        <translation>The indicator has no targets allocated at this level, so no percentage can be computed; try &quot;value achieved&quot;.</translation>
    </message>
    <message>
        <source>%1 đối tượng của lớp %2</source>
        <translation>%1 features of layer %2</translation>
    </message>
    <message>
        <source>Các đối tượng liên kết với chỉ tiêu (%1) đã được chọn nhưng nằm trên lớp đang ẩn: %2. Bật lớp trong bảng &quot;Lớp bản đồ&quot; để thấy chúng.</source>
        <translation>The features linked to the indicator (%1) are selected, but they are on hidden layers: %2. Turn those layers on in the &quot;Map layers&quot; panel to see them.</translation>
    </message>
</context>
<context>
    <name>planmap::gui::PlanTreeModel</name>
    <message>
        <source>Đã đạt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Đúng tiến độ</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>Có nguy cơ chậm</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Chậm tiến độ</source>
        <translation>Behind</translation>
    </message>
    <message>
        <source>Chưa có số liệu</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>Không có chỉ tiêu</source>
        <translation>No target</translation>
    </message>
    <message>
        <source>Nội dung / chỉ tiêu</source>
        <translation>Content / indicator</translation>
    </message>
    <message>
        <source>Đơn vị tính</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Lũy kế đạt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>% đạt</source>
        <translation>% achieved</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cơ quan chủ trì</source>
        <translation>Lead agency</translation>
    </message>
    <message>
        <source>%1/%2 đạt hoặc đúng tiến độ</source>
        <translation>%1/%2 achieved or on track</translation>
    </message>
    <message>
        <source>Căn cứ: %1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <source>Đến ngày đánh giá cần đạt khoảng %1 (%2 thời gian của năm %3).</source>
        <translation>By the judging date about %1 is due (%2 of the year %3 elapsed).</translation>
    </message>
    <message>
        <source>kế hoạch</source>
        <translation>the plan</translation>
    </message>
    <message>
        <source>* Số liệu minh họa (tự sinh để trình diễn), không phải số liệu thật.</source>
        <translation>* Illustrative figures (generated for demonstration), not real data.</translation>
    </message>
    <message>
        <source>Số liệu đến ngày %1.</source>
        <translation>Figures as of %1.</translation>
    </message>
</context>
<context>
    <name>planmap::gui::PrintDesigner</name>
    <message>
        <source>Khung bản đồ</source>
        <translation>Map frame</translation>
    </message>
    <message>
        <source>Chữ</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Chú giải</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Thước tỷ lệ</source>
        <translation>Scale bar</translation>
    </message>
    <message>
        <source>Mũi tên chỉ hướng bắc</source>
        <translation>North arrow</translation>
    </message>
    <message>
        <source>Bản đồ vị trí</source>
        <translation>Locator map</translation>
    </message>
    <message>
        <source>Bảng chỉ tiêu</source>
        <translation>Indicator table</translation>
    </message>
    <message>
        <source>Ghi chú dữ liệu minh họa</source>
        <translation>Illustrative-data notice</translation>
    </message>
    <message>
        <source>Thiết kế trang in</source>
        <translation>Print designer</translation>
    </message>
    <message>
        <source>Trang in</source>
        <translation>Print layout</translation>
    </message>
    <message>
        <source>Mẫu:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Khổ ngang</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Khổ dọc</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Dùng mẫu</source>
        <translation>Use template</translation>
    </message>
    <message>
        <source>Thay trang đang thiết kế bằng mẫu đã chọn</source>
        <translation>Replace the page being designed by the chosen template</translation>
    </message>
    <message>
        <source>Trang của:</source>
        <translation>Page of:</translation>
    </message>
    <message>
        <source>Các trang in đã lưu trong dự án</source>
        <translation>Print layouts saved in the project</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Không mở được trang in</source>
        <translation>The layout could not be opened</translation>
    </message>
    <message>
        <source>Lưu vào dự án…</source>
        <translation>Save in project…</translation>
    </message>
    <message>
        <source>Xuất trang…</source>
        <translation>Export page…</translation>
    </message>
    <message>
        <source>Xuất tập bản đồ…</source>
        <translation>Export atlas…</translation>
    </message>
    <message>
        <source>Vị trí và kích thước (mm)</source>
        <translation>Position and size (mm)</translation>
    </message>
    <message>
        <source>Trái</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Trên</source>
        <translation>Top</translation>
    </message>
    <message>
        <source>Rộng</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>Cao</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Viền quanh</source>
        <translation>Border</translation>
    </message>
    <message>
        <source>Có thể dùng {plan}, {program}, {province}, {unit}, {date}, {page}, {pages}, {scale}, {crs}, {sources}</source>
        <translation>You can use {plan}, {program}, {province}, {unit}, {date}, {page}, {pages}, {scale}, {crs}, {sources}</translation>
    </message>
    <message>
        <source>Cỡ chữ</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>Đậm</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Giữa</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Phải</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Căn lề</source>
        <translation>Alignment</translation>
    </message>
    <message>
        <source>Theo đơn vị của trang</source>
        <translation>Follow the page&apos;s unit</translation>
    </message>
    <message>
        <source>Khóa phạm vi</source>
        <translation>Locked extent</translation>
    </message>
    <message>
        <source>Theo bản đồ chính</source>
        <translation>Follow the main map</translation>
    </message>
    <message>
        <source>Phạm vi</source>
        <translation>Extent</translation>
    </message>
    <message>
        <source>Khóa theo bản đồ chính hiện tại</source>
        <translation>Lock to the current main map view</translation>
    </message>
    <message>
        <source>vừa khung</source>
        <translation>fit to frame</translation>
    </message>
    <message>
        <source>Tỷ lệ</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Lưới tọa độ (mét, VN-2000)</source>
        <translation>Coordinate grid (metres, VN-2000)</translation>
    </message>
    <message>
        <source>Lưới kinh vĩ độ</source>
        <translation>Graticule (longitude/latitude)</translation>
    </message>
    <message>
        <source>Lưới</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>tự động</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Mét (lưới tọa độ) hoặc phút (lưới kinh vĩ độ)</source>
        <translation>Metres (coordinate grid) or minutes of arc (graticule)</translation>
    </message>
    <message>
        <source>Khoảng lưới</source>
        <translation>Grid interval</translation>
    </message>
    <message>
        <source>Nhãn</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Làm nổi đơn vị của trang</source>
        <translation>Highlight the page&apos;s unit</translation>
    </message>
    <message>
        <source>Toàn tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <source> (2023)</source>
        <translation> (2023)</translation>
    </message>
    <message>
        <source> (2025)</source>
        <translation> (2025)</translation>
    </message>
    <message>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Trên trang: 1:%1</source>
        <translation>On the page: 1:%1</translation>
    </message>
    <message>
        <source>Không dùng được mẫu</source>
        <translation>The template cannot be used</translation>
    </message>
    <message>
        <source>Không có dự án để lưu trang in.</source>
        <translation>There is no project to save the layout in.</translation>
    </message>
    <message>
        <source>Dự án chỉ mở để đọc hoặc thuộc phiên bản cũ: không lưu được trang in.</source>
        <translation>The project is open read-only or has an older schema: the layout cannot be saved.</translation>
    </message>
    <message>
        <source>Dự án không có trang in “%1”.</source>
        <translation>The project has no print layout “%1”.</translation>
    </message>
    <message>
        <source>Lưu trang in</source>
        <translation>Save layout</translation>
    </message>
    <message>
        <source>Tên trang in trong dự án:</source>
        <translation>Name of the layout in the project:</translation>
    </message>
    <message>
        <source>Đã có trang in “%1”. Thay thế?</source>
        <translation>A layout “%1” exists already. Replace it?</translation>
    </message>
    <message>
        <source>Không lưu được trang in</source>
        <translation>The layout could not be saved</translation>
    </message>
    <message>
        <source>Dự án không có đơn vị nào cho tập bản đồ này.</source>
        <translation>The project has no units for this atlas.</translation>
    </message>
    <message>
        <source>Đang xuất tập bản đồ…</source>
        <translation>Exporting the atlas…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Xuất tập bản đồ</source>
        <translation>Export atlas</translation>
    </message>
    <message>
        <source>Đang xuất trang %1/%2…</source>
        <translation>Exporting page %1/%2…</translation>
    </message>
    <message>
        <source>Đã hủy xuất tập bản đồ.</source>
        <translation>The atlas export was cancelled.</translation>
    </message>
    <message>
        <source>Xuất trang in</source>
        <translation>Export page</translation>
    </message>
    <message>
        <source>Độ phân giải</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Định dạng theo phần mở rộng của tệp: .pdf (vector), .png, .svg</source>
        <translation>Format from the file extension: .pdf (vector), .png, .svg</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Ảnh PNG (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>Không xuất được trang in</source>
        <translation>The page could not be exported</translation>
    </message>
    <message>
        <source>Đã ghi %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <source>Huyện, thành phố (2023) — %1 trang</source>
        <translation>Districts and cities (2023) — %1 pages</translation>
    </message>
    <message>
        <source>Xã, phường (2025) — %1 trang</source>
        <translation>Communes and wards (2025) — %1 pages</translation>
    </message>
    <message>
        <source>Mỗi trang một</source>
        <translation>One page per</translation>
    </message>
    <message>
        <source>Một tệp PDF nhiều trang</source>
        <translation>One multi-page PDF file</translation>
    </message>
    <message>
        <source>Mỗi trang một tệp</source>
        <translation>One file per page</translation>
    </message>
    <message>
        <source>Tập bản đồ chưa được xuất</source>
        <translation>The atlas was not exported</translation>
    </message>
    <message>
        <source>Đã ghi %1 tệp</source>
        <translation>Wrote %1 file(s)</translation>
    </message>
    <message>
        <source>Chỉ in được dự án lưu trong tệp .planmap.</source>
        <translation>Only a project saved in a .planmap file can be printed.</translation>
    </message>
    <message>
        <source>In ấn</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Thiết kế trang in…</source>
        <translation>Print designer…</translation>
    </message>
    <message>
        <source>Trang báo cáo A4, bản đồ treo tường A3, trang huyện/xã; xuất PDF, PNG, SVG và tập bản đồ</source>
        <translation>A4 briefing page, A3 wall map, district/commune sheet; export to PDF, PNG, SVG and atlases</translation>
    </message>
    <message>
        <source>Thêm chữ</source>
        <translation>Add text</translation>
    </message>
    <message>
        <source>Thêm một ô chữ tự do vào giữa trang</source>
        <translation>Add a free text box in the middle of the page</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Xóa mục</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Xóa mục đang chọn khỏi trang</source>
        <translation>Remove the selected item from the page</translation>
    </message>
    <message>
        <source>Không xóa được khung bản đồ khi còn chú giải, thước tỷ lệ hay bản đồ vị trí thuộc về nó.</source>
        <translation>A map frame cannot be removed while a legend, scale bar or locator map belongs to it.</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ProgressEntryDialog</name>
    <message>
        <source>Nhập tiến độ thực hiện</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>Đơn vị hành chính</source>
        <translation>Administrative unit</translation>
    </message>
    <message>
        <source>Đối tượng trên bản đồ</source>
        <translation>Feature on the map</translation>
    </message>
    <message>
        <source>Mã hoặc tên: 20, 189, 06622, Xã Lộc Bình…</source>
        <translation>Code or name: 20, 189, 06622, Xã Lộc Bình…</translation>
    </message>
    <message>
        <source>Theo ngày số liệu</source>
        <translation>By the as-of date</translation>
    </message>
    <message>
        <source>Trước 01/7/2025</source>
        <translation>Before 1/7/2025</translation>
    </message>
    <message>
        <source>Từ 01/7/2025</source>
        <translation>From 1/7/2025</translation>
    </message>
    <message>
        <source>Nơi thực hiện</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>ví dụ 1.234,5</source>
        <translation>e.g. 1.234,5</translation>
    </message>
    <message>
        <source>Giá trị lũy kế</source>
        <translation>Cumulative value</translation>
    </message>
    <message>
        <source>tử số</source>
        <translation>numerator</translation>
    </message>
    <message>
        <source>mẫu số</source>
        <translation>denominator</translation>
    </message>
    <message>
        <source>Tử số / mẫu số</source>
        <translation>Numerator / denominator</translation>
    </message>
    <message>
        <source>Số liệu đến ngày</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>số, ký hiệu văn bản: 125/BC-UBND</source>
        <translation>document number: 125/BC-UBND</translation>
    </message>
    <message>
        <source>Văn bản nguồn</source>
        <translation>Source document</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Ghi số liệu</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Thôi sửa</source>
        <translation>Cancel correction</translation>
    </message>
    <message>
        <source>Lịch sử số liệu của chỉ tiêu (không mục nào bị xóa; mục sửa thay thế mục cũ):</source>
        <translation>History of the indicator (nothing is deleted; a correction supersedes the old entry):</translation>
    </message>
    <message>
        <source>Sửa mục đã chọn…</source>
        <translation>Correct selected entry…</translation>
    </message>
    <message>
        <source>Rút mục đã chọn</source>
        <translation>Withdraw selected entry</translation>
    </message>
    <message>
        <source>Chưa chọn chỉ tiêu.</source>
        <translation>No indicator selected.</translation>
    </message>
    <message>
        <source>Tử số / mẫu số (trọng số, không bắt buộc)</source>
        <translation>Numerator / denominator (weights, optional)</translation>
    </message>
    <message>
        <source>Đơn vị tính: %1. </source>
        <translation>Unit of measure: %1. </translation>
    </message>
    <message>
        <source>Số liệu là lũy kế đến ngày số liệu, không phải số tăng thêm.</source>
        <translation>Figures are cumulative to the as-of date, not increments.</translation>
    </message>
    <message>
        <source>Chỉ tiêu không còn trong dự án.</source>
        <translation>The indicator is no longer in the project.</translation>
    </message>
    <message>
        <source>Không có đơn vị hành chính này trong dự án.</source>
        <translation>No such administrative unit in the project.</translation>
    </message>
    <message>
        <source>Không có đối tượng này trong dự án.</source>
        <translation>No such feature in the project.</translation>
    </message>
    <message>
        <source>Đơn vị không còn (hoặc chưa) hiệu lực vào ngày số liệu; chọn đúng thế hệ đơn vị.</source>
        <translation>The unit was not in force on the as-of date; choose the right generation of units.</translation>
    </message>
    <message>
        <source>Chưa nhập giá trị.</source>
        <translation>Enter a value.</translation>
    </message>
    <message>
        <source>Giá trị phải là một số.</source>
        <translation>The value must be a number.</translation>
    </message>
    <message>
        <source>Giá trị không được âm.</source>
        <translation>The value cannot be negative.</translation>
    </message>
    <message>
        <source>Cần nhập cả tử số và mẫu số.</source>
        <translation>Enter both numerator and denominator.</translation>
    </message>
    <message>
        <source>Tử số không được lớn hơn mẫu số.</source>
        <translation>The numerator cannot exceed the denominator.</translation>
    </message>
    <message>
        <source>Mẫu số phải lớn hơn 0.</source>
        <translation>The denominator must be greater than 0.</translation>
    </message>
    <message>
        <source>Lưu ý: giá trị vượt chỉ tiêu được giao.</source>
        <translation>Note: the value is above the allocated target.</translation>
    </message>
    <message>
        <source>Lưu ý: tỷ lệ trên 100 %.</source>
        <translation>Note: a percentage above 100 %.</translation>
    </message>
    <message>
        <source>Ngày số liệu không hợp lệ.</source>
        <translation>The as-of date is not valid.</translation>
    </message>
    <message>
        <source>Không ghi được: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
    <message>
        <source>Chưa chọn đối tượng (chọn trên bản đồ hoặc liên kết đối tượng với chỉ tiêu).</source>
        <translation>No feature chosen (select one on the map or link features to the indicator).</translation>
    </message>
    <message>
        <source>Chưa nhập đơn vị (mã hoặc tên).</source>
        <translation>Enter a unit (code or name).</translation>
    </message>
    <message>
        <source>“%1” ứng với nhiều đơn vị; hãy nhập mã đơn vị.</source>
        <translation>“%1” matches several units; enter the unit&apos;s code.</translation>
    </message>
    <message>
        <source>Không tìm thấy đơn vị “%1” (theo ngày số liệu hoặc thế hệ đã chọn).</source>
        <translation>No unit “%1” found (on the as-of date or in the chosen generation).</translation>
    </message>
    <message>
        <source>“%1” không phải là số (ví dụ 1.234,5).</source>
        <translation>“%1” is not a number (e.g. 1.234,5).</translation>
    </message>
    <message>
        <source>Đã ghi mục số %1, thay thế mục số %2.</source>
        <translation>Recorded entry %1, superseding entry %2.</translation>
    </message>
    <message>
        <source>Đã ghi mục số %1.</source>
        <translation>Recorded entry %1.</translation>
    </message>
    <message>
        <source>Mục số %1 không còn hiệu lực; hãy sửa mục đang có hiệu lực.</source>
        <translation>Entry %1 is no longer in force; correct the entry in force.</translation>
    </message>
    <message>
        <source>Ghi bản sửa</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>Đang sửa mục số %1: bản sửa sẽ thay thế mục này, mục cũ vẫn được giữ.</source>
        <translation>Correcting entry %1: the correction will supersede it; the old entry is kept.</translation>
    </message>
    <message>
        <source>Đã rút mục số %1 (mục rút số %2).</source>
        <translation>Withdrew entry %1 (withdrawal entry %2).</translation>
    </message>
    <message>
        <source>Không rút được mục số %1: %2</source>
        <translation>Could not withdraw entry %1: %2</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ProgressImportController</name>
    <message>
        <source>Chọn tệp báo cáo (XLSX, ODS hoặc CSV).</source>
        <translation>Choose a report file (XLSX, ODS or CSV).</translation>
    </message>
    <message numerus="yes">
        <source>%n lỗi: chưa thể nhập; hãy sửa tệp hoặc cách ghép cột (không có gì được ghi).</source>
        <translation>
            <numerusform>%n error: cannot import yet; fix the file or the column mapping (nothing is written).</numerusform>
            <numerusform>%n errors: cannot import yet; fix the file or the column mapping (nothing is written).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sẽ ghi %1 dòng mới, sửa %2 dòng; %3 dòng không đổi (đã có cùng số liệu).</source>
        <translation>Will write %1 new rows and correct %2; %3 rows unchanged (the same figures are already there).</translation>
    </message>
    <message numerus="yes">
        <source>%n cảnh báo (vẫn nhập được).</source>
        <translation>
            <numerusform>%n warning (the file can still be imported).</numerusform>
            <numerusform>%n warnings (the file can still be imported).</numerusform>
        </translation>
    </message>
    <message>
        <source>Tệp này đã được nhập trước đây (lần nhập số %1): nhập lại không tính trùng, chỉ ghi những số liệu đã thay đổi.</source>
        <translation>This file was imported before (import %1): importing it again does not count twice; only changed figures are written.</translation>
    </message>
    <message>
        <source>Chưa chọn tệp.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Tệp còn lỗi: không có gì được nhập.</source>
        <translation>The file has errors: nothing was imported.</translation>
    </message>
    <message>
        <source>Đã nhập: %1 dòng mới, %2 dòng sửa, %3 dòng không đổi.</source>
        <translation>Imported: %1 new rows, %2 corrected, %3 unchanged.</translation>
    </message>
    <message>
        <source>Đã hủy: không có số liệu nào được ghi.</source>
        <translation>Cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Không nhập được (không có gì được ghi): %1</source>
        <translation>Could not import (nothing was written): %1</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ProgressImportDialog</name>
    <message>
        <source>Chỉ tiêu (mã hoặc tên):</source>
        <translation>Indicator (code or name):</translation>
    </message>
    <message>
        <source>Đơn vị hành chính:</source>
        <translation>Administrative unit:</translation>
    </message>
    <message>
        <source>Giá trị thực hiện:</source>
        <translation>Value achieved:</translation>
    </message>
    <message>
        <source>Ngày số liệu:</source>
        <translation>As-of date:</translation>
    </message>
    <message>
        <source>Nguồn số liệu:</source>
        <translation>Data source:</translation>
    </message>
    <message>
        <source>Nhập báo cáo tiến độ</source>
        <translation>Import a progress report</translation>
    </message>
    <message>
        <source>Báo cáo của huyện: XLSX, ODS hoặc CSV</source>
        <translation>A district&apos;s report: XLSX, ODS or CSV</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Trang tính:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Ghép cột</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>ví dụ: Báo cáo tiến độ cấp huyện</source>
        <translation>e.g. District progress report</translation>
    </message>
    <message>
        <source>Lưu cách ghép với tên:</source>
        <translation>Save the mapping as:</translation>
    </message>
    <message>
        <source>Thông tin chung của báo cáo</source>
        <translation>About the whole report</translation>
    </message>
    <message>
        <source>mã hoặc tên huyện, ví dụ 180 hoặc Tràng Định</source>
        <translation>district code or name, e.g. 180 or Tràng Định</translation>
    </message>
    <message>
        <source>Huyện (tra tên xã):</source>
        <translation>District (to find communes by name):</translation>
    </message>
    <message>
        <source>khi bảng không có cột đơn vị</source>
        <translation>when the table has no unit column</translation>
    </message>
    <message>
        <source>Đơn vị của cả báo cáo:</source>
        <translation>Unit of the whole report:</translation>
    </message>
    <message>
        <source>Ngày báo cáo:</source>
        <translation>Report date:</translation>
    </message>
    <message>
        <source>ví dụ: Báo cáo số 123/BC-UBND</source>
        <translation>e.g. Report 123/BC-UBND</translation>
    </message>
    <message>
        <source>Văn bản nguồn:</source>
        <translation>Source document:</translation>
    </message>
    <message>
        <source>Số liệu minh họa (không phải số liệu thật)</source>
        <translation>Illustrative figures (not real data)</translation>
    </message>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Kiểm tra</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Nhập là trọn gói: có lỗi thì không ghi gì. Nhập lại cùng một tệp không tính trùng: dòng đã có cùng số liệu được bỏ qua, dòng có số liệu khác được ghi thành bản sửa.</source>
        <translation>An import is all or nothing: with any error nothing is written. Importing the same file again does not count twice: rows with the same figures are skipped, rows with other figures are written as corrections.</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn báo cáo tiến độ</source>
        <translation>Choose a progress report</translation>
    </message>
    <message>
        <source>Bảng tính (*.xlsx *.ods *.csv);;Tất cả các tệp (*)</source>
        <translation>Spreadsheets (*.xlsx *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>(tự nhận theo tiêu đề)</source>
        <translation>(automatic, by header)</translation>
    </message>
    <message>
        <source>Dùng cách ghép cột đã lưu &quot;%1&quot; (tiêu đề của bảng khớp).</source>
        <translation>Using the saved column mapping &quot;%1&quot; (the table&apos;s header fits).</translation>
    </message>
    <message>
        <source>Kiểm tra (%1)</source>
        <translation>Checks (%1)</translation>
    </message>
    <message>
        <source>Đang nhập báo cáo tiến độ…</source>
        <translation>Importing the progress report…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ProgressMapLayer</name>
    <message>
        <source>dưới 50 %</source>
        <translation>under 50 %</translation>
    </message>
    <message>
        <source>50 – 70 %</source>
        <translation>50 – 70 %</translation>
    </message>
    <message>
        <source>70 – 90 %</source>
        <translation>70 – 90 %</translation>
    </message>
    <message>
        <source>90 – dưới 100 %</source>
        <translation>90 – under 100 %</translation>
    </message>
    <message>
        <source>đạt 100 % trở lên</source>
        <translation>100 % or more</translation>
    </message>
    <message>
        <source>không có số liệu hoặc chỉ tiêu</source>
        <translation>no figure or no target</translation>
    </message>
    <message>
        <source>không có số liệu</source>
        <translation>no figure</translation>
    </message>
    <message>
        <source>theo huyện (2023)</source>
        <translation>by district (2023)</translation>
    </message>
    <message>
        <source>theo xã (2025)</source>
        <translation>by commune (2025)</translation>
    </message>
    <message>
        <source>% đạt</source>
        <translation>% achieved</translation>
    </message>
    <message>
        <source>giá trị đạt</source>
        <translation>value achieved</translation>
    </message>
    <message>
        <source>Tiến độ %1: %2 %3</source>
        <translation>Progress %1: %2 %3</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lũy kế đạt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Số liệu minh họa</source>
        <translation>Illustrative figures</translation>
    </message>
    <message>
        <source>Ghi chú tổng hợp</source>
        <translation>Roll-up notes</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>chưa có số liệu</source>
        <translation>no figures yet</translation>
    </message>
    <message>
        <source>báo cáo của chính đơn vị này</source>
        <translation>reported by this unit itself</translation>
    </message>
    <message>
        <source>tổng hợp từ các đơn vị trực thuộc</source>
        <translation>summed up from its subordinate units</translation>
    </message>
    <message>
        <source>Số liệu đạt được</source>
        <translation>Achieved figure</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>planmap::gui::ReportExportDialog</name>
    <message>
        <source>Xuất báo cáo tiến độ</source>
        <translation>Export the progress report</translation>
    </message>
    <message>
        <source>Toàn tỉnh và các huyện</source>
        <translation>The province and every district</translation>
    </message>
    <message>
        <source>Phạm vi:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Số liệu đến ngày:</source>
        <translation>Figures up to:</translation>
    </message>
    <message>
        <source>Excel (XLSX), tiếng Việt</source>
        <translation>Excel (XLSX), in Vietnamese</translation>
    </message>
    <message>
        <source>CSV (số liệu thô, cho xử lý tiếp)</source>
        <translation>CSV (plain figures, for further processing)</translation>
    </message>
    <message>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Mỗi chỉ tiêu: kế hoạch, thực hiện, tỷ lệ đạt và tình trạng. Số liệu minh họa được đánh dấu.</source>
        <translation>For each indicator: target, achieved, percent of target and status. Illustrative figures are flagged.</translation>
    </message>
    <message>
        <source>Xuất…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đã xuất %1 (%2 phần).</source>
        <translation>Wrote %1 (%2 sections).</translation>
    </message>
    <message>
        <source>Không xuất được báo cáo: %1</source>
        <translation>Could not export the report: %1</translation>
    </message>
    <message>
        <source>Lưu báo cáo tiến độ</source>
        <translation>Save the progress report</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
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
        <source>Chỉ lấy %1 giá trị đầu tiên; các giá trị khác vẽ bằng ký hiệu &quot;Khác&quot;.</source>
        <translation>Only the first %1 values are used; other values are drawn with the &quot;Other&quot; symbol.</translation>
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
<context>
    <name>planmap::gui::UnderservedModel</name>
    <message>
        <source>Chợ</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>Trạm y tế</source>
        <translation>Health station</translation>
    </message>
    <message>
        <source>Trường học</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Đường cứng hóa</source>
        <translation>Hardened road</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Gần nhất: %1</source>
        <translation>Nearest: %1</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Village</translation>
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
        <source>Huyện (2023)</source>
        <translation>District (2023)</translation>
    </message>
    <message>
        <source>%1, đường thẳng (km)</source>
        <translation>%1, straight line (km)</translation>
    </message>
    <message>
        <source>%1, theo đường (km)</source>
        <translation>%1, along roads (km)</translation>
    </message>
    <message>
        <source>Điểm nhu cầu (MINH HỌA)</source>
        <translation>Need score (ILLUSTRATIVE)</translation>
    </message>
    <message>
        <source>Điểm nhu cầu</source>
        <translation>Need score</translation>
    </message>
    <message>
        <source>Khoảng cách trắc địa (WGS 84) đến %1 gần nhất</source>
        <translation>Geodesic (WGS 84) distance to the nearest %1</translation>
    </message>
    <message>
        <source>Khoảng cách theo mạng đường giao thông, kể cả đoạn từ thôn ra đường; chữ đậm: khoảng cách dùng để tính điểm</source>
        <translation>Distance along the road network, including the leg from the village to the road; bold: the distance the score used</translation>
    </message>
    <message>
        <source>Tổng các thành phần điểm; chọn một dòng để xem cách tính</source>
        <translation>Sum of the score terms; select a row to see how it is made up</translation>
    </message>
</context>
<context>
    <name>planmap::gui::UnderservedPage</name>
    <message>
        <source>Chưa có kết quả. Đặt ngưỡng và trọng số rồi bấm «Chạy phân tích».</source>
        <translation>No result yet. Set the thresholds and weights, then press “Run analysis”.</translation>
    </message>
    <message>
        <source>Huyện:</source>
        <translation>District:</translation>
    </message>
    <message>
        <source>Xã:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <source>Chọn một thôn trong bảng để xem điểm được tính thế nào.</source>
        <translation>Select a village in the table to see how its score is made up.</translation>
    </message>
    <message>
        <source>Theo huyện (2023)</source>
        <translation>By district (2023)</translation>
    </message>
    <message>
        <source>Theo xã (từ 01/7/2025)</source>
        <translation>By commune (from 1 July 2025)</translation>
    </message>
    <message>
        <source>Theo xã (trước 01/7/2025)</source>
        <translation>By commune (before 1 July 2025)</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Số thôn</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>Xa %1 quá ngưỡng</source>
        <translation>Beyond the %1 threshold</translation>
    </message>
    <message>
        <source>Điểm trung bình</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <source>Điểm cao nhất</source>
        <translation>Highest score</translation>
    </message>
    <message>
        <source>Xếp hạng thôn</source>
        <translation>Village ranking</translation>
    </message>
    <message>
        <source>Tổng hợp theo đơn vị</source>
        <translation>Summary by unit</translation>
    </message>
    <message>
        <source>thon_kho_tiep_can</source>
        <translation>underserved_villages</translation>
    </message>
    <message>
        <source>Ngưỡng và trọng số theo dịch vụ</source>
        <translation>Thresholds and weights by service</translation>
    </message>
    <message>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Ngưỡng</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Trọng số</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>Thôn xa %1 gần nhất hơn ngưỡng này thì được cộng điểm</source>
        <translation>Villages farther than this from the nearest %1 get points</translation>
    </message>
    <message>
        <source>Điểm cộng theo đối tượng</source>
        <translation>Points for disadvantaged areas</translation>
    </message>
    <message>
        <source>Thôn/xã đặc biệt khó khăn (ĐBKK):</source>
        <translation>Extremely difficult village/commune (ĐBKK):</translation>
    </message>
    <message>
        <source>Vùng dân tộc thiểu số khu vực III:</source>
        <translation>Ethnic-minority area III:</translation>
    </message>
    <message>
        <source>Vùng dân tộc thiểu số khu vực II:</source>
        <translation>Ethnic-minority area II:</translation>
    </message>
    <message>
        <source>Mỗi dịch vụ tối đa (× trọng số):</source>
        <translation>Cap per service (× weight):</translation>
    </message>
    <message>
        <source>Tính cả khoảng cách theo đường giao thông (khi các tuyến đường nối nhau)</source>
        <translation>Also compute distances along roads (where the roads connect)</translation>
    </message>
    <message>
        <source>Tính điểm theo khoảng cách đường giao thông khi có</source>
        <translation>Score on road distances where there are some</translation>
    </message>
    <message>
        <source>Tính cả công trình theo kế hoạch (chợ mới, dự án chưa hoàn thành)</source>
        <translation>Count planned works (new markets, unfinished projects)</translation>
    </message>
    <message>
        <source>Xong: %1 thôn được xếp hạng.</source>
        <translation>Done: %1 villages ranked.</translation>
    </message>
    <message>
        <source>Đã đổi cách tính khoảng cách: bấm «Chạy phân tích» để tính lại.</source>
        <translation>The distance settings changed: press “Run analysis” to recompute.</translation>
    </message>
    <message>
        <source>Đã tính lại điểm với ngưỡng và trọng số mới (khoảng cách giữ nguyên).</source>
        <translation>Scores recomputed with the new thresholds and weights (same distances).</translation>
    </message>
    <message>
        <source>%1 thôn; dịch vụ: %2 chợ, %3 trạm y tế, %4 trường học, %5 tuyến đường cứng hóa. Mạng đường: %6</source>
        <translation>%1 villages; services: %2 markets, %3 health stations, %4 schools, %5 hardened road lines. Road network: %6</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source> (minh họa)</source>
        <translation> (illustrative)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(minh họa)</source>
        <translation>(illustrative)</translation>
    </message>
    <message>
        <source>Hạng %1 / %2 · điểm &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Rank %1 of %2 · score &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Thành phần</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Không có thành phần nào: mọi dịch vụ trong ngưỡng.</source>
        <translation>No terms: every service is within its threshold.</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Khoảng cách</source>
        <translation>Distances</translation>
    </message>
    <message>
        <source>%1 km đường thẳng</source>
        <translation>%1 km straight line</translation>
    </message>
    <message>
        <source>; %1 km theo đường</source>
        <translation>; %1 km along roads</translation>
    </message>
    <message>
        <source>ĐBKK: %1</source>
        <translation>ĐBKK: %1</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Khu vực dân tộc thiểu số: %1</source>
        <translation>Ethnic-minority area: %1</translation>
    </message>
    <message>
        <source>Dân số: %1</source>
        <translation>Population: %1</translation>
    </message>
    <message>
        <source>Khoảng cách theo đường giao thông</source>
        <translation>Distances along roads</translation>
    </message>
    <message>
        <source>Tính điểm theo đường giao thông</source>
        <translation>Score on road distances</translation>
    </message>
    <message>
        <source>Tính cả công trình theo kế hoạch</source>
        <translation>Count planned works</translation>
    </message>
</context>
</TS>
