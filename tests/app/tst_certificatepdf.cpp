// CertificatePdf: a page per certificate, read back with pdftotext (pages end with a form feed) and pdfinfo.
#include "app/certificatepdf.h"
#include "tests/app/pdftext.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using app::CertificatePdf;
using core::store::CertificateEntry;

class TestCertificatePdf : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;

    static CertificateEntry entry(const QString &knownAs, const QString &fullName)
    {
        CertificateEntry e;
        e.certificateId = QStringLiteral("c-") + knownAs;
        e.title = QStringLiteral("Certificate of attendance");
        e.issuedOn = QDate(2019, 6, 14);
        e.participantId = QStringLiteral("p-") + knownAs;
        e.participantCode = QStringLiteral("SD-0042");
        e.knownAs = knownAs;
        e.fullName = fullName;
        e.programmeCode = QStringLiteral("street_doctors");
        e.programmeName = QStringLiteral("Street Doctors");
        e.deliveredBy = QStringLiteral("Street Doctors");
        e.modules = {{QStringLiteral("m1"), QStringLiteral("What to do when someone is bleeding"), 6, 6},
                     {QStringLiteral("m2"), QStringLiteral("What to do when someone is unconscious"), 5, 6}};
        e.sessionsAttended = 11;
        e.firstSession = QDate(2019, 5, 3);
        e.lastSession = QDate(2019, 6, 14);
        e.venues = {QStringLiteral("Beacon Centre")};
        return e;
    }

    // The text of each page, runs of spaces squeezed.
    QStringList pages(const QString &path)
    {
        const test::PdfRead read = test::pdfText(path);
        if (!read.ok)
            qWarning("%s", qPrintable(read.text));
        QStringList out = test::squeezed(read.text).split(u'\f');
        if (!out.isEmpty() && out.constLast().trimmed().isEmpty())
            out.removeLast(); // after the last form feed
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        if (qEnvironmentVariableIsSet("OUTREACH_KEEP_PDF")) { // to look at them
            dir.setAutoRemove(false);
            qInfo("PDFs kept in %s", qPrintable(dir.path()));
        }
    }

    void printsAPagePerCertificate()
    {
        const QList<CertificateEntry> entries {entry(QStringLiteral("Amara"), QString()),
                                               entry(QStringLiteral("Zoë"), QStringLiteral("Zoë Adeyemi")),
                                               entry(QStringLiteral("Kai"), QStringLiteral("Kai O'Neill <KO>"))};
        const QString path = dir.filePath(QStringLiteral("three.pdf"));
        const core::Status written = CertificatePdf::write(entries, {}, path);
        QVERIFY2(written.ok(), qPrintable(core::describe(written.errors())));
        QCOMPARE(test::pdfPages(path), 3);

        const QStringList text = pages(path);
        QCOMPARE(text.size(), 3);
        // Each page names its own young person (the full name when recorded), in the order given.
        QVERIFY2(text.at(0).contains(QLatin1String("Amara")), qPrintable(text.at(0)));
        QVERIFY(text.at(1).contains(QStringLiteral("Zoë Adeyemi")));
        QVERIFY(text.at(2).contains(QLatin1String("Kai O'Neill <KO>")));
        QVERIFY(!text.at(0).contains(QStringLiteral("Zoë")));
        for (const QString &page : text) {
            QVERIFY(page.contains(QLatin1String("Certificate of attendance")));
            QVERIFY(page.contains(QLatin1String("This is to certify that")));
            QVERIFY(page.contains(QLatin1String("Street Doctors")));
            QVERIFY(page.contains(QLatin1String("What to do when someone is bleeding")));
            QVERIFY(page.contains(QLatin1String("What to do when someone is unconscious")));
            QVERIFY(page.contains(QLatin1String("From 3 May to 14 June 2019, at Beacon Centre")));
            QVERIFY(page.contains(QLatin1String("14 June 2019")));
            QVERIFY(page.contains(QLatin1String("Signed")));
            // The pseudonymous reference is the service's, not the young person's: it is not printed.
            QVERIFY(!page.contains(QLatin1String("SD-0042")));
        }
    }

    void printsTheDelivererSignatoryAndDateGiven()
    {
        CertificatePdf::Options options;
        options.deliveredBy = QStringLiteral("Street Doctors — medical-student volunteers");
        options.signatory = QStringLiteral("Sam Patel, Programme lead");
        options.date = QDate(2019, 7, 1);
        const QString path = dir.filePath(QStringLiteral("options.pdf"));
        QVERIFY(CertificatePdf::write({entry(QStringLiteral("Amara"), QString())}, options, path));
        const QStringList text = pages(path);
        QCOMPARE(text.size(), 1);
        const QString page = text.constFirst();
        QVERIFY2(page.contains(QStringLiteral("delivered by Street Doctors — medical-student volunteers")),
                 qPrintable(page));
        QVERIFY(page.contains(QLatin1String("Sam Patel, Programme lead")));
        QVERIFY(page.contains(QLatin1String("1 July 2019")));
        QVERIFY(!page.contains(QLatin1String("Signed")));
    }

    void fitsALongNameAndManyModulesOnOnePage()
    {
        CertificateEntry e = entry(QStringLiteral("Ola"),
                                   QStringLiteral("Oluwaseun Adebayo-Fitzgerald Montgomery-"
                                                  "Wellington Okonkwo-Smith"));
        for (int i = 3; i <= 8; ++i)
            e.modules << CertificateEntry::Module {QStringLiteral("m%1").arg(i), QStringLiteral("Module %1").arg(i), 1,
                                                   1};
        const QString path = dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(CertificatePdf::write({e}, {}, path));
        QCOMPARE(test::pdfPages(path), 1);
        const QString page = pages(path).value(0).simplified();
        QVERIFY2(page.contains(QLatin1String("Module 8")), qPrintable(page));
        QVERIFY(page.contains(QLatin1String("Okonkwo-Smith")));
    }

    void refusesAnEmptyListAndAPathItCannotWrite()
    {
        const core::Status none = CertificatePdf::write({}, {}, dir.filePath(QStringLiteral("none.pdf")));
        QVERIFY(!none.ok());
        QCOMPARE(none.error().field, QStringLiteral("certificates"));
        QCOMPARE(none.error().code, QStringLiteral("required"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.pdf"))));

        const QString path = dir.filePath(QStringLiteral("missing/certificates.pdf"));
        const core::Status unwritable = CertificatePdf::write({entry(QStringLiteral("Amara"), QString())}, {}, path);
        QVERIFY(!unwritable.ok());
        QCOMPARE(unwritable.error().field, QStringLiteral("path"));
        QCOMPARE(unwritable.error().code, QStringLiteral("write_failed"));
        QVERIFY2(unwritable.error().message.contains(QDir::toNativeSeparators(path)),
                 qPrintable(unwritable.error().message));
    }
};

QTEST_MAIN(TestCertificatePdf)
#include "tst_certificatepdf.moc"
