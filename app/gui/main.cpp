// planmap: the desktop map of a provincial development plan.
//
//   planmap [--project FILE] [--lang vi|en] [--crs EPSG]
//           [--search TEXT [--full-extent]] [--screenshot FILE.png] [--size WxH]
//
// Without --project the bundled project <exe dir>/../share/planmap/langson.planmap
// opens. --screenshot renders the window after loading (and after --search)
// into a PNG and exits.

#include "Language.h"
#include "MainWindow.h"
#include "SearchBox.h"
#include "StoreProjectData.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace planmap::gui;

namespace {

QString bundledProject()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/planmap/langson.planmap"));
}

struct Options {
    QString project;
    QString screenshot;
    QString search;
    QSize size{1600, 1000};
    int crs = 0;
};

std::unique_ptr<MainWindow> makeWindow(const Options& o, bool interactive)
{
    auto w = std::make_unique<MainWindow>();
    if (o.screenshot.size()) w->resize(o.size);
    try {
        const QString file = QFileInfo(o.project).absoluteFilePath();
        if (!QFileInfo::exists(file))
            throw std::runtime_error(QCoreApplication::translate("main", "Không tìm thấy tệp dự án %1").arg(file).toStdString());
        w->openProject(std::make_unique<StoreProjectData>(file.toStdString()));
    } catch (const std::exception& e) {
        const QString msg = QCoreApplication::translate("main", "Không mở được dự án:\n%1").arg(QString::fromUtf8(e.what()));
        std::fprintf(stderr, "planmap: %s\n", msg.toUtf8().constData());
        if (!interactive) return nullptr;
        QMessageBox::critical(w.get(), QStringLiteral("planmap"), msg);
    }
    if (o.crs > 0) w->setDisplayCrs(o.crs, /*wait=*/true);
    return w;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("planmap"));
    QCoreApplication::setApplicationName(QStringLiteral("planmap"));
    QLocale::setDefault(QLocale(QLocale::Vietnamese, QLocale::Vietnam));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("planmap — bản đồ kế hoạch phát triển tỉnh"));
    parser.addHelpOption();
    const QCommandLineOption projectOpt(QStringLiteral("project"), QStringLiteral("Project file (.planmap)."), QStringLiteral("file"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("UI language: vi (default) or en."), QStringLiteral("code"));
    const QCommandLineOption crsOpt(QStringLiteral("crs"), QStringLiteral("Display CRS EPSG code (9215, 4326, 3405, 3857)."), QStringLiteral("epsg"));
    const QCommandLineOption searchOpt(QStringLiteral("search"), QStringLiteral("Search and show the first result."), QStringLiteral("text"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"), QStringLiteral("Save the window as PNG after loading, then exit."), QStringLiteral("file"));
    const QCommandLineOption fullOpt(QStringLiteral("full-extent"), QStringLiteral("After --search, show the whole project again (the result stays selected)."));
    const QCommandLineOption sizeOpt(QStringLiteral("size"), QStringLiteral("Window size for --screenshot, e.g. 1600x1000."), QStringLiteral("WxH"));
    parser.addOptions({projectOpt, langOpt, crsOpt, searchOpt, fullOpt, shotOpt, sizeOpt});
    parser.process(app);

    Options o;
    o.project = parser.isSet(projectOpt) ? parser.value(projectOpt) : bundledProject();
    o.screenshot = parser.value(shotOpt);
    o.search = parser.value(searchOpt);
    o.crs = parser.value(crsOpt).toInt();
    if (parser.isSet(sizeOpt)) {
        const QStringList wh = parser.value(sizeOpt).split(QLatin1Char('x'));
        if (wh.size() == 2) o.size = QSize(wh[0].toInt(), wh[1].toInt());
    }

    // Noto Sans renders Vietnamese stacked diacritics; use it when installed.
    if (QFontDatabase::families().contains(QStringLiteral("Noto Sans"))) {
        QFont f(QStringLiteral("Noto Sans"));
        f.setPointSizeF(QApplication::font().pointSizeF());
        QApplication::setFont(f);
    }

    // A screenshot shows the defaults: settings go to a scratch folder,
    // neither read from nor written to the user's.
    std::unique_ptr<QTemporaryDir> scratchSettings;
    if (parser.isSet(shotOpt)) {
        scratchSettings = std::make_unique<QTemporaryDir>();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchSettings->path());
    }

    QSettings settings;
    const Language language = parseLanguage(
        parser.isSet(langOpt) ? parser.value(langOpt) : settings.value(QStringLiteral("language"), QStringLiteral("vi")).toString());
    if (!installTranslation(language))
        std::fprintf(stderr, "planmap: English translation not found in %s\n", defaultI18nDir().toUtf8().constData());

    const bool interactive = o.screenshot.isEmpty();
    std::unique_ptr<MainWindow> window = makeWindow(o, interactive);
    if (!window) return 1;

    if (!interactive) {
        window->show();
        QApplication::processEvents();
        if (!o.search.isEmpty()) {
            window->searchBox()->setText(o.search);
            window->searchBox()->searchNow();
            if (window->searchBox()->model()->rowCount() > 0)
                window->showSearchHit(window->searchBox()->model()->hit(0));
            else
                std::fprintf(stderr, "planmap: nothing found for \"%s\"\n", o.search.toUtf8().constData());
        }
        if (parser.isSet(fullOpt)) window->canvas()->controller()->zoomToFullExtent();
        QApplication::processEvents();
        // The status bar shows the coordinates of the map centre, as if the cursor were there.
        const auto& v = window->canvas()->controller()->viewport();
        window->showCursorCoordinates(QPointF(v.centerX(), v.centerY()));
        if (!window->saveScreenshot(o.screenshot)) {
            std::fprintf(stderr, "planmap: cannot write %s\n", o.screenshot.toUtf8().constData());
            return 1;
        }
        std::printf("%s\n", o.screenshot.toUtf8().constData());
        return 0;
    }

    // Switching the language rebuilds the window on the same project.
    std::function<void(MainWindow*)> wire;
    wire = [&](MainWindow* w) {
        QObject::connect(w, &MainWindow::languageChangeRequested, w, [&, w](Language l) {
            QSettings().setValue(QStringLiteral("language"), languageCode(l));
            if (!installTranslation(l)) {
                QMessageBox::warning(w, QStringLiteral("planmap"),
                                     QStringLiteral("English translation not found in %1").arg(defaultI18nDir()));
                return;
            }
            if (w->projectData()) o.project = w->projectData()->path();
            QTimer::singleShot(0, [&, w] {
                // The new window shows before the old one closes, so the
                // application never has no window (it would quit).
                w->saveSettings();
                std::unique_ptr<MainWindow> next = makeWindow(o, true);
                if (!next) return;
                wire(next.get());
                next->show();
                w->close();
                window = std::move(next);
            });
        });
    };
    wire(window.get());
    window->show();
    return app.exec();
}
