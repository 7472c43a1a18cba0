; Inno Setup 6 script: the Windows installer for Frontdesk (导医台助手).
; Built by installer\windows\build.ps1, which passes the version and folders:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\..\dist\frontdesk /DOutputDir=..\..\dist frontdesk.iss
;
; - installs for all users under Program Files (admin rights), 64-bit only;
; - Start-menu entry (and an optional desktop icon) for the windowed frontdesk.exe;
; - per-machine data folder C:\ProgramData\Frontdesk, writable by the desk's users,
;   set as FRONTDESK_DATA_DIR for every user, so all reception staff of the PC share
;   one database (frontdesk.sqlite3) and its backups;
; - uninstall removes the program and the shortcuts but KEEPS the data folder
;   (patients, visits, fines, backups): delete it by hand if really wanted.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\frontdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; AppId identifies the product across versions (upgrades replace in place). Never change it.
AppId={{5B0F4C0E-8D7A-4E59-9C3B-6F2A1D7E4B10}
AppName=Frontdesk
AppVerName=Frontdesk {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Frontdesk
VersionInfoVersion={#AppVersion}
VersionInfoDescription=Frontdesk 导医台助手 Setup
DefaultDirName={autopf}\Frontdesk
DefaultGroupName=Frontdesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=frontdesk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\frontdesk.ico
UninstallDisplayIcon={app}\frontdesk.exe
UninstallDisplayName=Frontdesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The environment variable below must reach running Explorer sessions.
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Dirs]
; Per-machine data: every local user may create and change the database and backups.
; uninsneveruninstall: the data outlives the program.
Name: "{commonappdata}\Frontdesk"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{commonappdata}\Frontdesk\backups"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
; The whole one-folder bundle; an upgrade first removes the old program files
; (see [InstallDelete]) so no library of an older version lingers.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Registry]
; Frontdesk reads FRONTDESK_DATA_DIR (frontdesk.paths.data_dir): point it at the
; per-machine folder. Removed on uninstall; the folder itself stays.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
    ValueType: expandsz; ValueName: "FRONTDESK_DATA_DIR"; ValueData: "{commonappdata}\Frontdesk"; \
    Flags: uninsdeletevalue

[Icons]
Name: "{group}\Frontdesk 导医台助手"; Filename: "{app}\frontdesk.exe"; WorkingDir: "{commonappdata}\Frontdesk"
Name: "{group}\Frontdesk 演示医院 (demo)"; Filename: "{app}\frontdesk.exe"; Parameters: "--demo"; WorkingDir: "{commonappdata}\Frontdesk"
Name: "{group}\{cm:UninstallProgram,Frontdesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Frontdesk 导医台助手"; Filename: "{app}\frontdesk.exe"; WorkingDir: "{commonappdata}\Frontdesk"; Tasks: desktopicon

; No "start now" box at the end: the installer's own process does not see the new
; FRONTDESK_DATA_DIR yet, so a program started from it would use the wrong folder.
; Shortcuts started from the Start menu do see it.

[UninstallDelete]
; Only what the program itself may leave in its own folder; never the data folder.
Type: filesandordirs; Name: "{app}\_internal"
