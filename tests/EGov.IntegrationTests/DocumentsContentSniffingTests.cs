using System.Text;
using EGov.Documents.Content;

namespace EGov.IntegrationTests;

/// <summary>Pure tests of content detection by magic numbers and of how client declarations are read.</summary>
public sealed class DocumentsContentSniffingTests
{
    [Theory]
    [InlineData("%PDF-1.4\n...", MediaTypes.Pdf)]
    [InlineData("<?xml version=\"1.0\"?><HoSo/>", MediaTypes.Xml)]
    [InlineData("\uFEFF  \r\n<?xml version=\"1.0\"?>\n<!-- ký số --><ds:Signature xmlns:ds=\"x\"/>", MediaTypes.Xml)]
    [InlineData("<GiayKhaiSinh so=\"1\"/>", MediaTypes.Xml)]
    [InlineData("  {\"a\":1}", MediaTypes.Json)]
    [InlineData("[1,2]", MediaTypes.Json)]
    [InlineData("<!DOCTYPE html><html></html>", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE html><html/>", "text/html")]
    [InlineData("<HTML><body/></HTML>", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml")]
    [InlineData("GIF89a....", "image/gif")]
    [InlineData("PK\u0003\u0004....", "application/zip")]
    [InlineData("hello", MediaTypes.Unknown)]
    [InlineData("", MediaTypes.Unknown)]
    [InlineData("< not a tag", MediaTypes.Unknown)]
    public void Text_and_markers_are_named_by_their_bytes(string text, string expected)
    {
        Assert.Equal(expected, ContentSniffer.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Binary_images_are_named_by_their_signatures()
    {
        Assert.Equal(MediaTypes.Png, ContentSniffer.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal(MediaTypes.Jpeg, ContentSniffer.Detect([0xFF, 0xD8, 0xFF, 0xDB, 0]));
        Assert.Equal(MediaTypes.Unknown, ContentSniffer.Detect([0x89, 0x50, 0x4E, 0x47])); // a truncated PNG signature
        Assert.Equal(MediaTypes.Unknown, ContentSniffer.Detect([0xFF, 0xD8]));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("application/octet-stream", null)]
    [InlineData("image/jpg", MediaTypes.Jpeg)]
    [InlineData("IMAGE/JPEG; charset=binary", MediaTypes.Jpeg)]
    [InlineData("text/xml; charset=utf-8", MediaTypes.Xml)]
    [InlineData("application/vnd.egov.dossier+xml", MediaTypes.Xml)]
    [InlineData("application/ld+json", MediaTypes.Json)]
    [InlineData("image/svg+xml", "image/svg+xml")]
    [InlineData("image/gif", "image/gif")]
    public void Declarations_are_normalized_and_octet_stream_declares_nothing(string? declared, string? expected)
    {
        Assert.Equal(expected, MediaTypes.NormalizeDeclared(declared));
    }
}
