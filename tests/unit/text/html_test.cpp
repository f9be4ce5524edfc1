#include "text/html.hpp"

#include <gtest/gtest.h>

#include <string>

namespace truce::text {
namespace {

// Synthetic pages; the outlet, people and places are fictional.
constexpr const char* kArticlePage = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Talks resume in Lorem | The Example Gazette</title>
  <meta property="og:title" content="Talks resume in Lorem">
  <meta property="og:site_name" content="The Example Gazette">
  <meta property="og:url" content="https://news.example/og/talks">
  <link rel="canonical" href="https://news.example/2031/05/talks-resume">
  <meta property="article:published_time" content="2031-05-04T09:30:00+02:00">
  <style>p { color: red; }</style>
  <script>var tracking = "do not show";</script>
</head>
<body class="page with-sidebar">
  <header class="site-header"><a href="/">The Example Gazette</a></header>
  <nav><ul><li>World</li><li>Politics</li></ul></nav>
  <div class="cookie-banner">We use cookies.</div>
  <main>
    <article>
      <header><h1>Talks resume in Lorem</h1><time datetime="2031-05-04">4 May</time></header>
      <p>Negotiators from both sides met on Monday in the fictional town of Lorem.</p>
      <p>The talks, the first since March, lasted &laquo;six hours&raquo; &amp; ended
         without&nbsp;a statement.</p>
      <div class="share-buttons">Share on Facebook</div>
      <p>A second round is planned.<br>Observers welcomed it.</p>
      <script>document.write("hidden")</script>
      <footer>Tags: talks, Lorem</footer>
    </article>
    <aside>Most read: something else</aside>
    <section class="related-articles"><article><p>An older story.</p></article></section>
  </main>
  <div id="comments"><p>First comment!</p></div>
  <footer>Copyright The Example Gazette</footer>
</body>
</html>)";

TEST(HtmlToText, ExtractsTheArticleWithoutBoilerplate) {
  const Result<HtmlDocument> document = html_to_text(kArticlePage);
  ASSERT_TRUE(document) << document.error().message;
  EXPECT_EQ(document->text,
            "Talks resume in Lorem\n\n4 May\n\n"
            "Negotiators from both sides met on Monday in the fictional town of Lorem.\n\n"
            "The talks, the first since March, lasted «six hours» & ended without a statement.\n\n"
            "A second round is planned.\nObservers welcomed it.");
}

TEST(HtmlToText, ReadsMetadata) {
  const Result<HtmlDocument> document = html_to_text(kArticlePage);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->title, "Talks resume in Lorem");
  EXPECT_EQ(document->site_name, "The Example Gazette");
  EXPECT_EQ(document->url, "https://news.example/2031/05/talks-resume");
  EXPECT_EQ(document->published, "2031-05-04T09:30:00+02:00");
  EXPECT_EQ(document->language, "en-GB");
}

TEST(HtmlToText, FallsBackForMissingMetadata) {
  const Result<HtmlDocument> document = html_to_text(
      "<html><head><title> Only  a title </title>"
      "<meta property=\"og:url\" content=\"https://news.example/x\"></head>"
      "<body><p>Text.</p><time datetime=\"2031-01-02T03:04\">2 Jan</time></body></html>");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->title, "Only a title");
  EXPECT_EQ(document->url, "https://news.example/x");
  EXPECT_EQ(document->published, "2031-01-02T03:04");
  EXPECT_EQ(document->site_name, "");
  EXPECT_EQ(document->language, "");
  EXPECT_EQ(document->text, "Text.\n\n2 Jan");
}

TEST(HtmlToText, ReadsDatePublishedFromJsonLdAndMicrodata) {
  const Result<HtmlDocument> json_ld = html_to_text(
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"datePublished\" : \"2031-02-03T04:05:06Z\"}</script></head><body><h1>Headline</h1>"
      "<p>Body.</p></body></html>");
  ASSERT_TRUE(json_ld);
  EXPECT_EQ(json_ld->published, "2031-02-03T04:05:06Z");
  EXPECT_EQ(json_ld->title, "Headline");
  EXPECT_EQ(json_ld->text, "Headline\n\nBody.");

  const Result<HtmlDocument> microdata = html_to_text(
      R"(<body><span itemprop="datePublished" content="2031-03-04">4 March</span></body>)");
  ASSERT_TRUE(microdata);
  EXPECT_EQ(microdata->published, "2031-03-04");
}

TEST(HtmlToText, PrefersTheLongestArticle) {
  const Result<HtmlDocument> document = html_to_text(
      "<body><article><p>Teaser.</p></article>"
      "<article><p>The full story, which is longer.</p></article></body>");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text, "The full story, which is longer.");
}

TEST(HtmlToText, UsesMainWithoutArticle) {
  const Result<HtmlDocument> document = html_to_text(
      "<body><div>Site menu text</div><div role=\"main\"><p>Main text.</p></div></body>");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text, "Main text.");
}

TEST(HtmlToText, DecodesEntitiesAndKeepsNonLatinText) {
  const Result<HtmlDocument> document = html_to_text(
      "<p>&#1605;&#1608;&#1602;&#1593; &quot;x&quot; &lt;y&gt; &eacute;t&eacute; "
      "Военные&#x20;заявили</p>");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text, "موقع \"x\" <y> été Военные заявили");
}

TEST(HtmlToText, RepairsMalformedHtml) {
  const Result<HtmlDocument> document = html_to_text(
      "<html><body><p>First <b>bold <i>both</b> still</i><p>Second<div>Third"
      "<table><tr><td>a<td>b<tr><td>c</table><p>Unclosed &amp; open");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text,
            "First bold both still\n\nSecond\n\nThird\n\na b\nc\n\nUnclosed & open");
}

TEST(HtmlToText, IgnoresADeclaredCharsetOtherThanUtf8) {
  const Result<HtmlDocument> document = html_to_text(
      "<html><head><meta charset=\"windows-1251\"></head><body><p>Перемирие</p></body></html>");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text, "Перемирие");
}

TEST(HtmlToText, HiddenAndAriaHiddenElementsAreDropped) {
  const Result<HtmlDocument> document = html_to_text(
      "<body><p>Seen.</p><p hidden>Not seen.</p><div aria-hidden=\"true\">Nor this.</div>"
      "<div class=\"advert\">Buy.</div><form><p>Search</p></form></body>");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text, "Seen.");
}

TEST(HtmlToText, PlainTextIsReadAsText) {
  const Result<HtmlDocument> document = html_to_text("Just a line of text,\nnot HTML at all.");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text, "Just a line of text, not HTML at all.");
}

TEST(HtmlToText, EmptyInputIsRejected) {
  for (const char* input : {"", " \n\t "}) {
    const Result<HtmlDocument> document = html_to_text(input);
    ASSERT_FALSE(document);
    EXPECT_EQ(document.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(document.error().message.find("empty"), std::string::npos);
  }
}

TEST(HtmlToText, BinaryGarbageDoesNotCrash) {
  std::string garbage;
  for (int i = 1; i < 256; ++i) {
    garbage.push_back(static_cast<char>(i));
    garbage += "<\xFF&#;<!--";
  }
  const Result<HtmlDocument> document = html_to_text(garbage);
  if (document) {
    EXPECT_EQ(document->title, "");
  }
}

}  // namespace
}  // namespace truce::text
