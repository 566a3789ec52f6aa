// The suite-shared sample project and the window, mouse and picture helpers
// of AppTestSupport.h.

#include "../AppTestSupport.h"

#include "MainWindow.h"
#include "MapCanvas.h"
#include "StoreProjectData.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>

namespace planmap::gui::apptest {

void SampleProjectTest::SetUpTestSuite()
{
    app();
    dir = new TempDir;
    sampleProject = new SampleProject(makeSampleProject(*dir));
}

void SampleProjectTest::TearDownTestSuite()
{
    delete sampleProject;
    sampleProject = nullptr;
    delete dir;
    dir = nullptr;
}

std::unique_ptr<MainWindow> openWindow(const std::filesystem::path& file, QSize size)
{
    auto window = std::make_unique<MainWindow>();
    window->resize(size);
    window->openProject(std::make_unique<StoreProjectData>(file));
    window->show();
    QApplication::processEvents();
    return window;
}

int layerRow(const MainWindow& window, const char* key)
{
    return window.project()->indexOf(QString::fromLatin1(key));
}

void waitForRender(const MapCanvas& canvas, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while ((canvas.isRendering() || canvas.image().isNull()) && t.elapsed() < timeoutMs)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

void sendMouse(QWidget& w, QEvent::Type type, QPointF at, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, at, w.mapToGlobal(at), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(&w, &e);
}

void click(QWidget& w, QPointF at)
{
    sendMouse(w, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
}

void keepShot(QWidget& w, const char* name)
{
    const QString shots = qEnvironmentVariable("PLANMAP_TEST_SHOTS");
    if (shots.isEmpty()) return;
    w.show();
    QApplication::processEvents();
    w.grab().save(shots + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
}

} // namespace planmap::gui::apptest
