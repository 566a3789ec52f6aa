#include "Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QTranslator>

#include <memory>

namespace planmap::gui {

namespace {
Language g_language = Language::Vietnamese;
std::unique_ptr<QTranslator> g_translator;
} // namespace

Language uiLanguage()
{
    return g_language;
}

QString languageCode(Language language)
{
    return language == Language::English ? QStringLiteral("en") : QStringLiteral("vi");
}

Language parseLanguage(const QString& code)
{
    return code.trimmed().toLower().startsWith(QLatin1String("en")) ? Language::English : Language::Vietnamese;
}

QString defaultI18nDir()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/planmap/i18n"));
}

bool installTranslation(Language language, const QString& i18nDir)
{
    if (g_translator) {
        QCoreApplication::removeTranslator(g_translator.get());
        g_translator.reset();
    }
    g_language = Language::Vietnamese;
    if (language == Language::Vietnamese) return true;
    auto t = std::make_unique<QTranslator>();
    const QString dir = i18nDir.isEmpty() ? defaultI18nDir() : i18nDir;
    if (!t->load(QStringLiteral("planmap_en"), dir)) return false;
    QCoreApplication::installTranslator(t.get());
    g_translator = std::move(t);
    g_language = language;
    return true;
}

} // namespace planmap::gui
