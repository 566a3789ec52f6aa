// searchKey: accent-free, lower-case keys for Vietnamese names.

#include "planmap/layers/text/SearchKey.h"

#include <gtest/gtest.h>

using planmap::layers::searchKey;

TEST(SearchKeyTest, FoldsDiacriticsCaseAndSpacing)
{
    EXPECT_EQ(searchKey("Lộc Bình"), "loc binh");
    EXPECT_EQ(searchKey("LỘC BÌNH"), "loc binh");
    EXPECT_EQ(searchKey("loc binh"), "loc binh");
    EXPECT_EQ(searchKey("  Lộc \t  Bình \n"), "loc binh");
}

TEST(SearchKeyTest, DStrokeBecomesD)
{
    EXPECT_EQ(searchKey("Đình Lập"), "dinh lap");
    EXPECT_EQ(searchKey("đồng đăng"), "dong dang");
    EXPECT_EQ(searchKey("ĐÔNG KINH"), "dong kinh");
}

TEST(SearchKeyTest, PrecomposedAndDecomposedInputGiveTheSameKey)
{
    // "Thống Nhất" with precomposed letters, and with base letters followed by combining marks.
    const std::string precomposed = "Th\u1ed1ng Nh\u1ea5t";
    const std::string decomposed = "Tho\u0302\u0301ng Nha\u0302\u0301t";
    EXPECT_EQ(searchKey(precomposed), "thong nhat");
    EXPECT_EQ(searchKey(decomposed), "thong nhat");
}

TEST(SearchKeyTest, EveryVietnameseVowelWithEveryToneFolds)
{
    EXPECT_EQ(searchKey("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ"),
              "aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy");
    EXPECT_EQ(searchKey("ĂÂÊÔƠƯ ăâêôơư"), "aaeoou aaeoou");
}

TEST(SearchKeyTest, KeepsDigitsAndPunctuationAndHandlesEmptyInput)
{
    EXPECT_EQ(searchKey("Thôn Nà Pàn 2"), "thon na pan 2");
    EXPECT_EQ(searchKey("Khu 1-A (cũ)"), "khu 1-a (cu)");
    EXPECT_EQ(searchKey(""), "");
    EXPECT_EQ(searchKey("   "), "");
    EXPECT_EQ(searchKey("Bản\u00a0Ma"), "ban ma"); // no-break space
}
