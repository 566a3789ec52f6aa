// The English translation loads and translates the UI; Vietnamese is the source.

#include "AppTestSupport.h"
#include "Formats.h"
#include "Language.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

const QString kI18nDir = QDir(QStringLiteral(PLANMAP_BIN_DIR)).absoluteFilePath(QStringLiteral("../share/planmap/i18n"));

class TranslationTest : public ::testing::Test {
protected:
    void SetUp() override { apptest::app(); }
    void TearDown() override { installTranslation(Language::Vietnamese); }
};

TEST_F(TranslationTest, EnglishTranslatesKnownStrings)
{
    ASSERT_TRUE(installTranslation(Language::English, kI18nDir)) << kI18nDir.toStdString();
    EXPECT_EQ(uiLanguage(), Language::English);
    EXPECT_EQ(QCoreApplication::translate("planmap::gui::MainWindow", "Lớp bản đồ"), QStringLiteral("Map layers"));
    EXPECT_EQ(QCoreApplication::translate("planmap::gui::LayerTreeModel", "Dữ liệu minh họa, không phải số liệu thật"),
              QStringLiteral("Illustrative data, not real figures"));
    EXPECT_EQ(QCoreApplication::translate("planmap::gui::SearchBox", "Tìm xã, huyện, thôn, chợ, công trình…"),
              QStringLiteral("Find a commune, district, village, market, project…"));
}

TEST_F(TranslationTest, VietnameseIsTheSourceLanguage)
{
    ASSERT_TRUE(installTranslation(Language::English, kI18nDir));
    ASSERT_TRUE(installTranslation(Language::Vietnamese, kI18nDir));
    EXPECT_EQ(uiLanguage(), Language::Vietnamese);
    EXPECT_EQ(QCoreApplication::translate("planmap::gui::MainWindow", "Lớp bản đồ"), QStringLiteral("Lớp bản đồ"));
}

TEST_F(TranslationTest, MissingTranslationKeepsVietnamese)
{
    EXPECT_FALSE(installTranslation(Language::English, QStringLiteral("/nonexistent/i18n")));
    EXPECT_EQ(uiLanguage(), Language::Vietnamese);
}

TEST_F(TranslationTest, NumbersStayVietnameseInEnglish)
{
    ASSERT_TRUE(installTranslation(Language::English, kI18nDir));
    EXPECT_EQ(formatInteger(1238075), QStringLiteral("1.238.075"));
    EXPECT_EQ(formatNumber(1234.5), QStringLiteral("1.234,5"));
    EXPECT_EQ(formatScale(250000), QStringLiteral("1:250.000"));
    EXPECT_EQ(formatDate(QDate(2025, 7, 1)), QStringLiteral("01/07/2025"));
    EXPECT_EQ(parseScale(QStringLiteral("1:250.000")), 250000.0);
    EXPECT_EQ(parseScale(QStringLiteral("25 000")), 25000.0);
    EXPECT_EQ(parseScale(QStringLiteral("abc")), 0.0);
}

TEST_F(TranslationTest, ParsesLanguageCodes)
{
    EXPECT_EQ(parseLanguage(QStringLiteral("en")), Language::English);
    EXPECT_EQ(parseLanguage(QStringLiteral("en_US")), Language::English);
    EXPECT_EQ(parseLanguage(QStringLiteral("vi")), Language::Vietnamese);
    EXPECT_EQ(parseLanguage(QStringLiteral("xx")), Language::Vietnamese);
}

} // namespace
