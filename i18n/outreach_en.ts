<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CertificatePdf</name>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate of attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is to certify that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attended the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no certificates to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceChip</name>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CohortEditPage</name>
    <message>
        <source>Add a cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes to the cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Beacon Centre, spring 2019</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the cohort meets: new sessions of the cohort start with this venue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be removed from this programme on every device. It can only be deleted when no session is recorded in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcernSection</name>
    <message>
        <source>Safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a safeguarding concern from this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the concern is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What kind of concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concern categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was seen or said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. called the designated safeguarding lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for the day of the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 13/06/2019</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their reference (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral reference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two changes to the same record met during sync and only one could be kept. Check each one: keep what is shown now, or use the other value instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review: no two changes have clashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept (shown now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the value that was not kept for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme and period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 programmes side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare programmes side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Academic year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide small numbers (&lt;5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide small numbers: counts of 1 to 4 shown as &lt;5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a printable PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the certificates of attendance awarded in this period as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the exported file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device holds no sessions, contacts or outcomes of %1 in this period. Try another period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This programme has no outcome measures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the chart shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No target of this programme applies to the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap a programme for its own figures. In the last row a young person engaged in several programmes counts once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How %1 is counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the programmes to compare. In the totals a young person in several of them counts once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Known as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of who gave consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known as / full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start / end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureRow</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the records behind this figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2% of the way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureSection</name>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small numbers hidden: &lt;5 is 1 to 4; * is hidden so that a small number cannot be worked out from the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide those with none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all (%1 with none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the records behind this figure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Outreach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach keeps the sessions you record on this device, locked with a passcode that only you know. How will you use it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation runs an Outreach server, and your records will be shared with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on this device only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your records stay on this device. You can sign in to a server later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://outreach.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on to choose a passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the two ways to work first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set this device up again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You sign in after setting a passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach keeps the server&apos;s address and your user name. Once you have set a passcode, Home asks for your password to sign in and sync. Until then you can already record; nothing is sent before you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormOptions</name>
    <message>
        <source>%1 — street area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadcountCell</name>
    <message>
        <source>Returning, %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New, %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadcountSection</name>
    <message>
        <source>Anonymous headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions recorded today yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 14 days, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions in the last 14 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more recent sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People recently seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody on a register yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 has expired: renew it before recording more about them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 have expired: renew them before recording more about them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew consent: %1 (%2), %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InfoButton</name>
    <message>
        <source>How %1 is counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this is counted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Outreach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock Outreach now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach cannot open the records on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionComboBox</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeRow</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: item scores, e.g. 3324323423</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, item scores before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After: item scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, item scores after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or the total before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, total before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or the total after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, total after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomesSection</name>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer only what you saw today; leave the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the PDF to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search young people by known-as name or reference code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by enrolment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonEditPage</name>
    <message>
        <source>Add a young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known as (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left empty, the next free code is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or choose the age band below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact (phone, email or address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme and consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme they join (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme they join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility (at least one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent or carer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be shared with (partners, separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the enrolment ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the enrolment in %1 today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol in another programme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme to enrol them in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the consent given on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the consent given on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, since %3%4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cohort %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: given by %2%3 on %4 for %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions attended (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier anonymous contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Were they one of the people counted at a detached session before they registered?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked: %1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink the contact at %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier anonymous contacts could be them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This was them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the contact at %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be removed from this device and from everyone&apos;s lists. Their attendance and outcomes stay in reports as counts, without their name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceAndTimeSection</name>
    <message>
        <source>Where and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue or street area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where exactly (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or describe the street area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street area in words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue&apos;s ward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 18:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 20:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the session lasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who ran it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitators of recent sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeCard</name>
    <message>
        <source>%1, delivered by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned sessions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome measures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives a certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This programme cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a session of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This financial year (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions delivered this financial year against those planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions recorded for this programme yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups of young people who attend together, and the sessions delivered to each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cohorts yet. Add one to record this programme&apos;s sessions in a cohort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit cohort %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a cohort to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the sync conflicts of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeReport</name>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people engaged in the period by the ward they live in, as currently recorded on their record; &apos;Not recorded&apos; when no ward was given. Each person is in exactly one row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People engaged by ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward not in the catalogue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions delivered by module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered sessions of each module in the period, against the sessions planned for the module (the module&apos;s whole plan, not a share of it for the period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered sessions of &apos;%1&apos; in the period, against the %2 planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered sessions of &apos;%1&apos; in the period; no sessions planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module not in the catalogue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered sessions of a module this device does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered sessions in the period not recorded against a module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people with this outcome recorded as achieved (for a scale measure: improved between the pre and post scores) and observed in the period, not deleted. A person counts once per outcome however often it was recorded, and can count under several outcomes, so outcomes do not add up to people. Percentage: of the %1 people engaged in the period (none when nobody was engaged); it can pass 100 when outcomes are observed for people whose attendance fell in an earlier period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People achieving each outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome measure not in the catalogue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with no period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered &apos;%1&apos; sessions in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people achieving &apos;%1&apos; in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Outreach cannot count the metric &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1 % of %2 = %3 (rounded up).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1 %, of no stated number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target has no count or percentage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target applies %1; the actual counts the report period only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions of the programme recorded as delivered and dated in the period. Cancelled and deleted sessions are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each time a person was marked present at a delivered session in the period: one person at ten sessions is ten attendances. Absences and deleted records are not counted. Not a count of people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people marked present at least once at a delivered session in the period, each counted once however often they came. Anonymous contacts are not included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous contacts counted in headcounts at delivered sessions in the period, new plus returning. Contacts, not people: one young person met on three evenings is three contacts. Not included in people engaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous contacts the worker had not met before, at delivered sessions in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous contacts the worker had met before, at delivered sessions in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People achieving any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people achieving at least one of the programme&apos;s outcomes in the period, each counted once however many outcomes they achieved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates issued in the period, not deleted. A person can receive more than one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People awarded a certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people issued at least one certificate in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions delivered by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered sessions in the period by session type; each session has one type, so the rows add up to sessions delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People engaged by session type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people present at least once at a delivered session of the type in the period (e.g. &apos;engaged through detached work&apos;). A person who came to several types is counted under each, so the rows do not add up to people engaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered &apos;%1&apos; sessions dated in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engaged through: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people present at least once at a delivered &apos;%1&apos; session in the period; percentage of the %2 people engaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People engaged by age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people engaged in the period by the age band recorded with their first attendance in the period, so each person is in exactly one band even if they had a birthday during it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People engaged by gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people engaged in the period by gender as currently recorded on their record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People engaged by ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people engaged in the period by ethnicity (census top level) as currently recorded on their record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of the programmes&apos; delivered sessions in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of the programmes&apos; attendances in the period. Not a count of people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people present at least once at a delivered session of any of the programmes in the period. A person engaged in several programmes counts once here, so this can be less than the sum of the programmes&apos; figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of the programmes&apos; anonymous contacts in the period (contacts, not people).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of the programmes&apos; certificates issued in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions, attendances and people are different counts; none is derived from another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress against targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each target that applies to the period: the actual figure against the count that meets the target; the percentage is how far towards it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions delivered by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered sessions dated in each month of the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendances by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present attendances at delivered sessions in each month of the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People engaged by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct people present in each month. A person who came in several months is counted in each, so the months add up to more than the period&apos;s people engaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammesPage</name>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programmes installed on this device, and what each one counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No programmes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No programme catalogue is installed on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <source>Enter the date of birth as day/month/year, e.g. 17/05/2006.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who gave consent: the young person, or a parent or carer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already someone&apos;s code on this device: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickAddPanel</name>
    <message>
        <source>Add a new young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New young person — added to %1 and marked present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year. If not known, choose an age band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 17/05/2006</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility: which of these applies?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility criteria met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent or carer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with (organisations, separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add and mark present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel adding a young person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordSessionPage</name>
    <message>
        <source>Record a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions cannot be recorded right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked or its records are not open. Unlock it, then come back to this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session you started was kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You started recording a session and did not save it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on with the session you started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw it away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away the session you started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept encrypted on this device. Write what matters for the next worker, not names of others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it went, what was talked about, what to follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping your changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft kept on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything typed for this session will be lost. People added to the register stay registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved session stays as it was; the changes typed here will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterRow</name>
    <message>
        <source>%1 (%2) was present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · in this cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gets a certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterSection</name>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by known-as name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young people enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick “Certificate” for those who completed the course: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a new young person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportCsv</name>
    <message>
        <source>From %1 to %2 inclusive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small numbers suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts of 1 to 4 people are shown as %1. Where a breakdown is shown with its total, another cell is hidden (%2) so that the small one cannot be worked out by subtraction. Percentages of hidden cells are left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts of people rounded to the nearest 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentages are worked out from the rounded numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared by %1. %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 engaged (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small numbers suppressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts of people rounded to the nearest 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme code %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome report, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned: the programme&apos;s target &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned: the sessions planned for the programme&apos;s modules, together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sessions planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young people engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distinct people, each counted once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new, %2 returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times young people were present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes for young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme has no outcome measures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A young person can achieve several outcomes, so the outcomes do not add up to the people engaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress against targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No targets apply to this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions and contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engaged through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young people engaged in the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart of sessions delivered and young people engaged by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A young person who came in several months is counted in each of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentages are of the young people engaged in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each figure in this report is counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes across programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the row of all programmes a young person engaged in several programmes is counted once, so the people engaged in the programmes can add up to more than it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each programme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All programmes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — outcome report, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · Outreach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes across programmes, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes across programmes · %1 · Outreach</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportRecords</name>
    <message>
        <source>look up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no list of records behind &apos;%1&apos; in &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count the records behind %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the records behind %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDetailsSection</name>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the programme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFormErrors</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFormLoader</name>
    <message>
        <source>No session was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to edit this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session is not on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session was deleted: it can no longer be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session&apos;s programme is no longer in the catalogue on this device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding concern raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody on the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headcount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 new, %3 returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes and certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” will be deleted, with its register, headcount, outcomes, certificates and any concern raised in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionRow</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: tap to carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetPasscodePage</name>
    <message>
        <source>Choose a passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will enter it each time you open Outreach, and when it has been left alone for %1 min. It protects the names, notes and concerns on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it to yourself, and remember it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A forgotten passcode cannot be recovered: the records kept on this device could no longer be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 6 characters; not one character repeated, and not a simple run such as 123456 or abcdef.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passcode again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode was not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another way to work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set passcode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safeguarding concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cohorts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncProblemsPage</name>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused these changes. Each one stays on this device until you try it again or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting: every change was accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try sending %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the change to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusPanel</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the %1 changes the server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More sync actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority for %1, optional: a PEM certificate or the path of its file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this device&apos;s records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every record from this device and sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this device&apos;s records?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I accept that the unsent change is lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I accept that the unsent changes are lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every record from this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the records on this device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Outreach is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passcode to open the records on this device, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passcode to open the records on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach could not be unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Detached / street contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:1 mentoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETE support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group workshop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School workshop / assembly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course module session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parents&apos; session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagement event / consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-binary / other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10–13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>14–15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16–17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18–21</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>22–25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child sexual exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digital exploitation / image sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sexual assault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gang association</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youth violence / knife carrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County lines / criminal exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-harm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic abuse at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FGM / forced marriage / honour-based violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trafficking / modern slavery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radicalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MASH (children&apos;s safeguarding hub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MARAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulnerable Young People&apos;s Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National Referral Mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOT triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance-misuse service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDVA / ISVA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children&apos;s services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immediate danger — act now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent — today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent or carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording their details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing with named partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self / street contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youth Offending Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pupil referral unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist charity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youth club</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family or friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formtext</name>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Record youth outreach sessions, engagements and outcomes, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the device store in &lt;dir&gt; instead of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the store, show the first frame, report and exit (0 when all is well). Works headless with QT_QPA_PLATFORM=offscreen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the first frame shown as an image to &lt;file&gt;, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the window at &lt;width&gt;x&lt;height&gt; pixels, e.g. 360x640.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outreach: --window-size wants WIDTHxHEIGHT, e.g. 360x640.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::AppContext</name>
    <message>
        <source>Outreach was started without its device store, so no records can be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system gives Outreach no place to keep its data. Start it with --data-dir and a folder it may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder. Start Outreach with --data-dir and a folder it may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 could not be created. Check that it may be written to, or start Outreach with --data-dir and another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device could not be opened (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme catalogue could not be installed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device was removed from %1 by an administrator; its records were wiped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device was removed from %1 by an administrator, but its records could not all be wiped (%2). Give the device to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After %1 wrong passcodes in a row, the records on this device were wiped. Set Outreach up again; anything that had been sent is safe on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After %1 wrong passcodes in a row, the records on this device could not all be wiped (%2). Give the device to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records were removed from this device and it was signed out. Anything that had been sent is safe on the council&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not all be removed from this device (%1). Give the device to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::CohortFormController</name>
    <message>
        <source>No venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to change cohorts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cohort is no longer on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cohort could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the programme the cohort belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That programme is not in the catalogue on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the cohort, e.g. &quot;Beacon Centre, spring 2019&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date as day/month/year, e.g. 02/03/2019.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cohort cannot end before it starts (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That venue is not in the catalogue: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme&apos;s cohorts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a cohort called &quot;%2&quot;: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cohort has not been saved, so there is nothing to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cohort&apos;s sessions could not be counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session still names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions still name it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be deleted: %2. Delete those sessions or move them to another cohort first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cohort could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1 fields need attention (shown beside each).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::ConcernForm</name>
    <message>
        <source>Not referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the referral date as day/month/year, e.g. 12/06/2019.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::ConflictListModel</name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was deleted on one device while it was changed on another. The delete was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two devices changed this at about the same time. The later change was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflicts from the server could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflicts from the server could not be read: expected a list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::ConsentDueModel</name>
    <message>
        <source>Unknown programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consents to renew could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::DashboardController</name>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1% of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1% of those engaged (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the first day as a date, e.g. 2019-04-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the last day as a date, e.g. 2020-03-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a period of at most 50 years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be worked out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to list records from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one programme to print its certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates of %1 were issued in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no table &apos;%1&apos; in this report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::DraftKeeper</name>
    <message>
        <source>There is no kept session to bring back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to bring back the kept session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::HeadcountModel</name>
    <message>
        <source>No anonymous contacts counted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 contact: new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 contact: returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contacts: %2 new, %3 returning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::LockController</name>
    <message>
        <source>Enter the address of your organisation&apos;s Outreach server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a server address. It starts with https://, for example https://outreach.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the https:// address of the server: Outreach never sends records over an unencrypted connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server&apos;s address without anything after a ? or #.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passcodes. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open, so no passcode can be set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether to sign in to a server or to work on this device only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passcodes are not the same. Type it again here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device already has a passcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passcode has been set on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach could not record this attempt, so it cannot check the passcode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode is not correct. After one more wrong passcode Outreach makes you wait before the next try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The passcode is not correct (%n wrong in a row). Each wrong passcode makes the wait longer.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The passcode could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After %1 wrong passcodes in a row, the records on this device were wiped. Set Outreach up again; anything that had been sent is safe on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode is not correct. One more wrong passcode wipes the records on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode is not correct. After %1 more wrong passcodes the records on this device are wiped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::OutcomeModel</name>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items, each scored %2–%3; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This programme has no outcome measures to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick who was present to record their outcomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A total is a number, e.g. 24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item scores are numbers, e.g. “2 3 1 0”; “%1” is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total after: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improved: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not improved: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::PeopleModel</name>
    <message>
        <source>Outreach is locked: unlock it to see the young people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The young people could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All wards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the young people on this device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is registered on this device yet. Add a young person to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody&apos;s known-as name or code matches “%1” with these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::PersonController</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to see this young person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No young person is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This young person&apos;s record could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This young person is no longer on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current, until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on %1: renew it soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, improved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, not improved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3 new, %4 returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to change this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date as day/month/year, e.g. 12/06/2019.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That contact is already linked to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That contact is not one of the anonymous contacts that could be %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That contact is not linked to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the programme to enrol them in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already enrolled in this programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That enrolment is not one of %1&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the enrolment ended: completed, withdrawn or referred on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who gave consent: the young person, or a parent or carer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That consent record is not one of %1&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This consent was already withdrawn on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No details on this device: only the worker who recorded this concern, the programme&apos;s leads and safeguarding leads see them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::PersonFormController</name>
    <message>
        <source>Ward not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to change a young person&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This young person is no longer on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the programme they join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the enrolment date as day/month/year, e.g. 12/06/2019.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of birth as day/month/year, e.g. 17/05/2006.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already someone&apos;s code on this device: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That ward is not in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1 fields need attention (shown beside each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::PersonSessionsModel</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::ProgrammeController</name>
    <message>
        <source>1 session delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No programme was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That programme is not in the catalogue on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme&apos;s sessions could not be counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme&apos;s cohorts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 planned sessions delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 planned sessions delivered in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session delivered in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions delivered in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::ProgrammeListModel</name>
    <message>
        <source>No published targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets: %1, and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::RecentPeopleModel</name>
    <message>
        <source>Last seen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people seen lately could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::RegisterModel</name>
    <message>
        <source>Choose a programme to see who is enrolled in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is enrolled in this programme yet. Add a new young person below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody&apos;s known-as name or code matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::ReportFigureModel</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::ReportRecordModel</name>
    <message>
        <source>1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 young person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 young people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attendances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awarded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First attended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · issued %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::SessionFormController</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: describe the street area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as day/month/year, e.g. 12/06/2019.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, ends the next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No particular module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1 Also put right what is marked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: one thing to put right, marked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1 things to put right, marked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to save this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date as day/month/year, e.g. 12/06/2019.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time the session started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the start time as hours:minutes, e.g. 18:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the end time as hours:minutes, e.g. 20:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to add someone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the programme first: the young person is enrolled in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — last changed %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kept session could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::SessionListModel</name>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, headcount %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: last changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft, not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sessions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More sessions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::SessionViewController</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records on this device are not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to see this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session is not on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme no longer in the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone no longer on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before %1, after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: improved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: not improved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguarding concern: %1. Urgency: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach is locked: unlock it to delete this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no session to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::SyncController</name>
    <message>
        <source>Sign out of %1? Everything on this device has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change on this device has not been sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes on this device have not been sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of %1? %2 They stay on this device and are sent after you sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock Outreach and choose to work with a server before signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has no server address or user name to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts can only be reviewed while signed in to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s list of conflicts could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts can only be resolved while signed in to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which value to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the certificate authority file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate authority must be a PEM certificate (the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, or a file holding it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every record from this device and sign out? It holds %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no young people or sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Everything has been sent, so the council&apos;s record keeps it all; sign in again to get back what your programmes hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record has changes that have not been sent and will be lost for good: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records have changes that have not been sent and will be lost for good: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock Outreach before removing its records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some changes have not been sent: confirm that you accept losing them, or sync first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::SyncProblemsModel</name>
    <message>
        <source>You are not a member of this record&apos;s programme on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server found something in this record it cannot accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It belongs to another record the server does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was erased on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this kind of record: the app or the server may need updating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It changes something that cannot be changed once saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not have the record this change is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your programme lead to add you to the programme, then try again. If it was recorded under the wrong programme, discard the change and record it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the record to check it, or discard the change and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again after the record it belongs to has been sent. If that was discarded, discard this change too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the change: the record cannot come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the app, then try again. If it keeps happening, tell your programme lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the change, or try again after the record has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, tell your programme lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting this %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bringing back this %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be removed from this device, with anything recorded under it that has not been sent. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will come back on this device: the delete will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will stay deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change to %1 of %2 will be undone on this device and not sent. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync problems could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outreach::app::SyncStatus</name>
    <message>
        <source>The changes waiting to be sent could not be counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working on this device only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change kept on this device only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes kept on this device only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change refused by the server: look at the problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes refused by the server: look at the problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — will retry in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — will retry soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: sync has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device was removed from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app is too old for the server. Update it to go on syncing; nothing recorded here is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the app</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
