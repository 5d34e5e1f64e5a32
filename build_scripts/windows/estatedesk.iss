; Inno Setup 6.3+ script: the Windows installer for EstateDesk (小区物业台账).
; Saved as UTF-8 with a BOM so that the compiler reads the Chinese names correctly.
;
; Build the bundle first (on Windows, in the repository):
;     python build_scripts\dev.py test          (or: .venv\Scripts\python build_scripts\build.py)
; then:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 build_scripts\windows\estatedesk.iss
; The installer lands in dist\installer\EstateDesk-<version>-setup.exe. See README.md here.
;
; The installer never touches the estate data: that lives in %LOCALAPPDATA%\EstateDesk,
; outside the program folder, and survives uninstalling and upgrading.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "EstateDesk"
#define AppNameZh "小区物业台账"
#define AppExe "EstateDesk.exe"
; SourcePath is this script's folder, so the build works from any current directory.
#define Repo SourcePath + "..\.."
#define Bundle Repo + "\dist\EstateDesk"

#if !FileExists(Bundle + "\" + AppExe)
  #error dist\EstateDesk\EstateDesk.exe not found: run build_scripts\build.py on Windows first
#endif

[Setup]
; AppId identifies the program across versions: never change it, or upgrades install twice.
AppId={{6F4B2C1E-8D3A-4E5F-9B7C-2A1D0E9F8C64}
AppName={#AppName} {#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppNameZh} {#AppVersion}
AppPublisher=EstateDesk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
; A clerk often has no administrator password: install for the current user by default,
; and let an administrator choose "all users" in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; PySide6 6.x runs on 64-bit Windows 10 and 11 only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Repo}\resources\icons\estatedesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh} {#AppName}
OutputDir={#Repo}\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Upgrading while the program is open: ask to close it rather than fail on locked files.
CloseApplications=yes
RestartApplications=no

[Languages]
; Simplified Chinese first: it is the default whenever Windows is not clearly something else.
; Inno Setup 6.4+ ships it among the official languages, older 6.x under Unofficial\.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #pragma warning "ChineseSimplified.isl not found: the installer will be in English only"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder bundle: EstateDesk.exe (windowed), estatedesk-cli.exe (console) and _internal\.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Repo}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[InstallDelete]
; Files of an older version that the new one no longer has would otherwise linger in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppName}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent
