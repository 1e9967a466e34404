global using EGov.Calendar;
global using EGov.Dossiers.Deadlines;
global using EGov.Dossiers.Events;
global using EGov.Dossiers.Lifecycle;
global using EGov.Dossiers.Model;
global using EGov.Dossiers.Tests.Support;
global using EGov.Kernel;
