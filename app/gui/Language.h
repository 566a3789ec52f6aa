#pragma once

#include <QString>

class QCoreApplication;

namespace planmap::gui {

/// The UI languages: Vietnamese (the source language of every tr() text) and English.
enum class Language { Vietnamese, English };

/// The language the UI currently shows.
Language uiLanguage();
/// "vi" / "en"; parseLanguage accepts those (and "vi_VN", "en_US"…), defaulting to Vietnamese.
QString languageCode(Language language);
Language parseLanguage(const QString& code);

/// Loads the translation of `language` (none for Vietnamese) from the
/// i18n folder next to the program (<exe>/../share/planmap/i18n) or from
/// `i18nDir` when given, and installs it. Returns false if the English
/// translation file was not found or failed to load (the UI stays Vietnamese).
bool installTranslation(Language language, const QString& i18nDir = {});

/// Where the .qm files are looked for by default.
QString defaultI18nDir();

} // namespace planmap::gui
